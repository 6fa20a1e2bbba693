"""RandomWidth (tf.keras 2): while training, the batch's width scaled by 1 + a factor drawn from `factor`
(one number f means [-f, f]); the height is kept. Identity at inference."""
from kerax.layers.preprocessing.image.random_side_resize import RandomSideResize


class RandomWidth(RandomSideResize):
    _AXIS, _SIDE = 2, "width"
