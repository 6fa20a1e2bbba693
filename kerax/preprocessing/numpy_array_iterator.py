"""NumpyArrayIterator: tf.keras's ImageDataGenerator.flow over in-memory images (rank 4) and labels. `x` may
be a pair (images, extra array or list of arrays); the extras are batched alongside the augmented images."""
import warnings

import numpy as np

from kerax.backend import config
from kerax.preprocessing.file_batches import save_batch
from kerax.preprocessing.image_iterator import Iterator


class NumpyArrayIterator(Iterator):
    def __init__(self, x, y, image_data_generator, batch_size=32, shuffle=False, sample_weight=None,
                 seed=None, data_format=None, save_to_dir=None, save_prefix="", save_format="png",
                 subset=None, ignore_class_split=False, dtype=None):
        data_format = data_format or config.image_data_format()
        self.dtype = dtype or config.floatx()
        x, x_misc = _split_extras(x)
        checks = (("y", "`y` (labels)", y), ("sample_weight", "`sample_weight`", sample_weight))
        for name, what, other in checks:
            if other is not None and len(x) != len(other):
                raise ValueError(
                    f"`x` (images tensor) and {what} should have the same length. "
                    f"Found: x.shape = {np.asarray(x).shape}, {name}.shape = {np.asarray(other).shape}"
                )
        if subset is not None:
            x, x_misc, y = _subset(x, x_misc, y, subset, image_data_generator._validation_split,
                                   ignore_class_split)
        self.x = np.asarray(x, dtype=self.dtype)
        self.x_misc = x_misc
        if self.x.ndim != 4:
            raise ValueError(
                "Input data in `NumpyArrayIterator` should have rank 4. You passed an array with shape "
                f"{self.x.shape}"
            )
        channels_axis = 3 if data_format == "channels_last" else 1
        if self.x.shape[channels_axis] not in {1, 3, 4}:
            warnings.warn(
                f'NumpyArrayIterator is set to use the data format convention "{data_format}" (channels on '
                f"axis {channels_axis}), i.e. expected either 1, 3, or 4 channels on axis {channels_axis}. "
                f"However, it was passed an array with shape {self.x.shape} ({self.x.shape[channels_axis]} "
                "channels)."
            )
        self.y = None if y is None else np.asarray(y)
        self.sample_weight = None if sample_weight is None else np.asarray(sample_weight)
        self.image_data_generator, self.data_format = image_data_generator, data_format
        self.save_to_dir, self.save_prefix, self.save_format = save_to_dir, save_prefix, save_format
        super().__init__(self.x.shape[0], batch_size, shuffle, seed)

    def _get_batches_of_transformed_samples(self, index_array):
        batch_x = np.zeros((len(index_array),) + self.x.shape[1:], dtype=self.dtype)
        generator = self.image_data_generator
        for i, j in enumerate(index_array):
            x = self.x[j]
            params = generator.get_random_transform(x.shape)
            batch_x[i] = generator.standardize(generator.apply_transform(x.astype(self.dtype), params))
        if self.save_to_dir:
            save_batch(batch_x, index_array, self.data_format, self.save_to_dir, self.save_prefix,
                       self.save_format, 1e4)
        extras = [xx[index_array] for xx in self.x_misc]
        inputs = [batch_x] + extras if extras else batch_x
        if self.y is None:
            return inputs
        output = (inputs, self.y[index_array])
        return output if self.sample_weight is None else output + (self.sample_weight[index_array],)


def _split_extras(x):
    if not isinstance(x, (tuple, list)):
        return x, []
    extras = [np.asarray(xx) for xx in x[1]] if isinstance(x[1], list) else [np.asarray(x[1])]
    for xx in extras:
        if len(x[0]) != len(xx):
            raise ValueError(
                "All of the arrays in `x` should have the same length. Found a pair with: "
                f"len(x[0]) = {len(x[0])}, len(x[?]) = {len(xx)}"
            )
    return x[0], extras


def _subset(x, x_misc, y, subset, validation_split, ignore_class_split):
    """The first `validation_split` of the samples is the validation part, the rest the training part."""
    if subset not in {"training", "validation"}:
        raise ValueError(f'Invalid subset name: {subset}; expected "training" or "validation".')
    split = int(len(x) * validation_split)
    if y is not None and not ignore_class_split and not np.array_equal(np.unique(y[:split]),
                                                                        np.unique(y[split:])):
        raise ValueError(
            "Training and validation subsets have different number of classes after the split. If your numpy "
            "arrays are sorted by the label, you might want to shuffle them."
        )
    part = slice(None, split) if subset == "validation" else slice(split, None)
    return x[part], [np.asarray(xx[part]) for xx in x_misc], None if y is None else y[part]
