"""kerax.preprocessing.image: image files and arrays (load_img, save_img, ...)."""
from kerax.utils.image_resize import smart_resize
from kerax.utils.image_utils import array_to_img, img_to_array, load_img, save_img
