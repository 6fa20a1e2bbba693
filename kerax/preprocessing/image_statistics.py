"""The normalizations of ImageDataGenerator: per-sample centring and scaling, and the feature-wise mean, std
and ZCA whitening matrix learned by `fit` from sample images."""
import math
import warnings

import numpy as np


def resolve_normalization_flags(gen):
    """tf.keras's implied settings: ZCA needs feature-wise centring and replaces std normalization; any std
    normalization needs the matching centring."""
    if gen.zca_whitening:
        if not gen.featurewise_center:
            gen.featurewise_center = True
            warnings.warn("This ImageDataGenerator specifies `zca_whitening`, which overrides setting of "
                          "`featurewise_center`.")
        if gen.featurewise_std_normalization:
            gen.featurewise_std_normalization = False
            warnings.warn("This ImageDataGenerator specifies `zca_whitening` which overrides setting of"
                          "`featurewise_std_normalization`.")
    for kind in ("featurewise", "samplewise"):
        if getattr(gen, f"{kind}_std_normalization") and not getattr(gen, f"{kind}_center"):
            setattr(gen, f"{kind}_center", True)
            warnings.warn(f"This ImageDataGenerator specifies `{kind}_std_normalization`, which overrides "
                          f"setting of `{kind}_center`.")


def _not_fitted(option):
    warnings.warn(f"This ImageDataGenerator specifies `{option}`, but it hasn't been fit on any training "
                  "data. Fit it first by calling `.fit(numpy_data)`.")


def standardize(gen, x):
    if gen.preprocessing_function:
        x = gen.preprocessing_function(x)
    if gen.rescale:
        x *= gen.rescale
    if gen.samplewise_center:
        x -= np.mean(x, keepdims=True)
    if gen.samplewise_std_normalization:
        x /= np.std(x, keepdims=True) + 1e-6
    if gen.featurewise_center:
        if gen.mean is None:
            _not_fitted("featurewise_center")
        else:
            x -= gen.mean
    if gen.featurewise_std_normalization:
        if gen.std is None:
            _not_fitted("featurewise_std_normalization")
        else:
            x /= gen.std + 1e-6
    if gen.zca_whitening:
        if gen.zca_whitening_matrix is None:
            _not_fitted("zca_whitening")
        else:
            x = np.reshape(x.reshape(-1, math.prod(x.shape[-3:])) @ gen.zca_whitening_matrix, x.shape)
    return x


def fit(gen, x, augment=False, rounds=1, seed=None):
    x = np.asarray(x, dtype=gen.dtype)
    if x.ndim != 4:
        raise ValueError(f"Input to `.fit()` should have rank 4. Got array with shape: {x.shape}")
    if x.shape[gen.channel_axis] not in {1, 3, 4}:
        warnings.warn(
            "Expected input to be images (as Numpy array) following the data format convention "
            f'"{gen.data_format}" (channels on axis {gen.channel_axis}), i.e. expected either 1, 3 or 4 '
            f"channels on axis {gen.channel_axis}. However, it was passed an array with shape {x.shape} "
            f"({x.shape[gen.channel_axis]} channels)."
        )
    if seed is not None:
        np.random.seed(seed)
    x = np.copy(x)
    if gen.rescale:
        x *= gen.rescale
    if augment:
        x = np.stack([gen.random_transform(image) for _ in range(rounds) for image in x]).astype(gen.dtype)
    per_channel = [1, 1, 1]
    per_channel[gen.channel_axis - 1] = x.shape[gen.channel_axis]
    image_axes = (0, gen.row_axis, gen.col_axis)
    if gen.featurewise_center:
        gen.mean = np.reshape(np.mean(x, axis=image_axes), per_channel)
        x -= gen.mean
    if gen.featurewise_std_normalization:
        gen.std = np.reshape(np.std(x, axis=image_axes), per_channel)
        x /= gen.std + 1e-6
    if gen.zca_whitening:
        flat = np.reshape(x, (len(x), -1))
        u, s, _ = np.linalg.svd(flat.T, full_matrices=False)
        gen.zca_whitening_matrix = (u * (np.sqrt(len(x)) / (s + gen.zca_epsilon))).dot(u.T)
