"""BatchFromFilesMixin: how DirectoryIterator and DataFrameIterator turn image files into a batch. Files are
read and decoded in a thread pool (Pillow releases the GIL); the random transforms and `standardize` then run
in order on the calling thread, so NumPy's global generator is drawn exactly as in tf.keras."""
import os
from concurrent.futures import ThreadPoolExecutor

import numpy as np

from kerax.utils import image_utils

_CHANNELS = {"rgba": 4, "rgb": 3, "grayscale": 1}
_LOADERS = ThreadPoolExecutor(os.cpu_count() or 1, thread_name_prefix="kerax-image-files")


class BatchFromFilesMixin:
    def set_processing_attrs(self, image_data_generator, target_size, color_mode, data_format, save_to_dir,
                             save_prefix, save_format, subset, interpolation, keep_aspect_ratio):
        self.image_data_generator = image_data_generator
        self.target_size = tuple(target_size)
        self.keep_aspect_ratio = keep_aspect_ratio
        if color_mode not in _CHANNELS:
            raise ValueError(f'Invalid color mode: {color_mode}; expected "rgb", "rgba", or "grayscale".')
        self.color_mode, self.data_format = color_mode, data_format
        channels = (_CHANNELS[color_mode],)
        self.image_shape = self.target_size + channels if data_format == "channels_last" else (
            channels + self.target_size)
        self.save_to_dir, self.save_prefix, self.save_format = save_to_dir, save_prefix, save_format
        self.interpolation = interpolation
        if subset is not None and subset not in ("validation", "training"):
            raise ValueError(f'Invalid subset name: {subset};expected "training" or "validation"')
        split = image_data_generator._validation_split if subset is not None else None
        self.split = None if subset is None else (0, split) if subset == "validation" else (split, 1)
        self.subset = subset

    def _load(self, path):
        img = image_utils.load_img(path, color_mode=self.color_mode, target_size=self.target_size,
                                   interpolation=self.interpolation, keep_aspect_ratio=self.keep_aspect_ratio)
        with img:
            return image_utils.img_to_array(img, data_format=self.data_format)

    def _get_batches_of_transformed_samples(self, index_array):
        filepaths = self.filepaths
        arrays = _LOADERS.map(self._load, [filepaths[j] for j in index_array])
        batch_x = np.zeros((len(index_array),) + self.image_shape, dtype=self.dtype)
        generator = self.image_data_generator
        for i, x in enumerate(arrays):
            if generator:
                params = generator.get_random_transform(x.shape)
                x = generator.standardize(generator.apply_transform(x, params))
            batch_x[i] = x
        if self.save_to_dir:
            save_batch(batch_x, index_array, self.data_format, self.save_to_dir, self.save_prefix,
                       self.save_format, 1e7)
        return self._with_labels(batch_x, index_array)

    def _with_labels(self, batch_x, index_array):
        mode = self.class_mode
        if mode == "input":
            batch_y = batch_x.copy()
        elif mode in ("binary", "sparse"):
            batch_y = np.asarray([self.classes[j] for j in index_array], dtype=self.dtype)
        elif mode == "categorical":
            batch_y = np.zeros((len(batch_x), len(self.class_indices)), dtype=self.dtype)
            for i, j in enumerate(index_array):
                batch_y[i, self.classes[j]] = 1.0
        elif mode == "multi_output":
            batch_y = [output[index_array] for output in self.labels]
        elif mode == "raw":
            batch_y = self.labels[index_array]
        else:
            return batch_x
        return (batch_x, batch_y) if self.sample_weight is None else (
            batch_x, batch_y, self.sample_weight[index_array])

    @property
    def filepaths(self):
        raise NotImplementedError(_missing("filepaths", self))

    @property
    def labels(self):
        raise NotImplementedError(_missing("labels", self))

    @property
    def sample_weight(self):
        raise NotImplementedError(_missing("sample_weight", self))


def _missing(name, iterator):
    return f"`{name}` property method has not been implemented in {type(iterator).__name__}."


def save_batch(batch_x, index_array, data_format, directory, prefix, file_format, hash_range):
    """Each augmented image as `{prefix}_{index}_{random}.{format}`, for looking at the augmentations."""
    for i, j in enumerate(index_array):
        name = f"{prefix}_{j}_{np.random.randint(hash_range)}.{file_format}"
        image_utils.save_img(os.path.join(directory, name), batch_x[i], data_format=data_format, scale=True)
