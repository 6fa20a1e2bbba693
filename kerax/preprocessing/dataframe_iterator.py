"""DataFrameIterator: tf.keras's flow_from_dataframe, image paths and labels from a pandas DataFrame (pandas
is only needed to make the DataFrame; nothing here imports it)."""
import os
import warnings

import numpy as np

from kerax.preprocessing.file_batches import BatchFromFilesMixin
from kerax.preprocessing.image_iterator import Iterator

_NO_CLASSES = ("input", "multi_output", "raw", None)


class DataFrameIterator(BatchFromFilesMixin, Iterator):
    allowed_class_modes = {"binary", "categorical", "input", "multi_output", "raw", "sparse", None}

    def __init__(self, dataframe, directory=None, image_data_generator=None, x_col="filename", y_col="class",
                 weight_col=None, target_size=(256, 256), color_mode="rgb", classes=None,
                 class_mode="categorical", batch_size=32, shuffle=True, seed=None,
                 data_format="channels_last", save_to_dir=None, save_prefix="", save_format="png",
                 subset=None, interpolation="nearest", keep_aspect_ratio=False, dtype="float32",
                 validate_filenames=True):
        self.set_processing_attrs(image_data_generator, target_size, color_mode, data_format, save_to_dir,
                                  save_prefix, save_format, subset, interpolation, keep_aspect_ratio)
        df = dataframe.copy()
        self.directory, self.class_mode, self.dtype = directory or "", class_mode, dtype
        self._check_params(df, x_col, y_col, weight_col, classes)
        if validate_filenames:
            df = self._filter_valid_filepaths(df, x_col)
        if class_mode not in _NO_CLASSES:
            df, classes = _filter_classes(df, y_col, classes)
            self.class_indices = dict(zip(classes, range(len(classes))))
        if self.split:
            start, stop = int(self.split[0] * len(df)), int(self.split[1] * len(df))
            df = df.iloc[start:stop, :]
        if class_mode not in _NO_CLASSES:
            self.classes = [[self.class_indices[c] for c in label] if isinstance(label, (list, tuple))
                            else self.class_indices[label] for label in df[y_col]]
        self.filenames = df[x_col].tolist()
        self._sample_weight = df[weight_col].values if weight_col else None
        if class_mode == "multi_output":
            self._targets = [np.array(df[col].tolist()) for col in y_col]
        if class_mode == "raw":
            self._targets = df[y_col].values
        self.samples = len(self.filenames)
        validated = "validated" if validate_filenames else "non-validated"
        classes_part = "" if class_mode in _NO_CLASSES else f" belonging to {len(classes)} classes"
        print(f"Found {self.samples} {validated} image filenames{classes_part}.")
        self._filepaths = [os.path.join(self.directory, name) for name in self.filenames]
        super().__init__(self.samples, batch_size, shuffle, seed)

    def _check_params(self, df, x_col, y_col, weight_col, classes):
        mode = self.class_mode
        if mode not in self.allowed_class_modes:
            raise ValueError(f"Invalid class_mode: {mode}; expected one of: {self.allowed_class_modes}")
        if mode == "multi_output" and not isinstance(y_col, list):
            raise TypeError(
                f'If class_mode="{mode}", y_col must be a list. Received {type(y_col).__name__}.'
            )
        if not all(isinstance(v, str) for v in df[x_col]):
            raise TypeError(f"All values in column x_col={x_col} must be strings.")
        if mode in {"binary", "sparse"} and not all(isinstance(v, str) for v in df[y_col]):
            raise TypeError(f'If class_mode="{mode}", y_col="{y_col}" column values must be strings.')
        if mode == "binary":
            if classes and len(set(classes)) != 2:
                raise ValueError(
                    f'If class_mode="binary" there must be 2 classes. {len(set(classes))} class/es were '
                    "given."
                )
            if not classes and df[y_col].nunique() != 2:
                raise ValueError(
                    f'If class_mode="binary" there must be 2 classes. Found {df[y_col].nunique()} classes.'
                )
        if mode == "categorical" and not all(isinstance(v, (str, list, tuple)) for v in df[y_col]):
            raise TypeError(
                f'If class_mode="{mode}", y_col="{y_col}" column values must be type string, list or tuple.'
            )
        if classes and mode in _NO_CLASSES:
            warnings.warn(f'`classes` will be ignored given the class_mode="{mode}"')
        if weight_col and not issubclass(df[weight_col].dtype.type, np.number):
            raise TypeError(f"Column weight_col={weight_col} must be numeric.")

    def _filter_valid_filepaths(self, df, x_col):
        """Only the rows whose file exists and has an image extension."""
        formats = self.white_list_formats
        mask = [name.lower().endswith(formats) and os.path.isfile(os.path.join(self.directory, name))
                for name in df[x_col]]
        invalid = len(mask) - sum(mask)
        if invalid:
            warnings.warn(
                f'Found {invalid} invalid image filename(s) in x_col="{x_col}". These filename(s) will be '
                "ignored."
            )
        return df[np.asarray(mask, dtype=bool)]

    @property
    def filepaths(self):
        return self._filepaths

    @property
    def labels(self):
        return self._targets if self.class_mode in {"multi_output", "raw"} else self.classes

    @property
    def sample_weight(self):
        return self._sample_weight


def _filter_classes(df, y_col, classes):
    """Rows keep only the given classes (rows left with none are dropped); without `classes`, every label
    seen, sorted."""
    df = df.copy()
    if not classes:
        seen = set()
        for label in df[y_col]:
            seen.update(label if isinstance(label, (list, tuple)) else [label])
        return df.dropna(subset=[y_col]), sorted(seen)
    classes = list(dict.fromkeys(classes))

    def keep(label):
        if isinstance(label, (list, tuple)):
            return [c for c in label if c in classes] or None
        if isinstance(label, str):
            return label if label in classes else None
        raise TypeError(f"Expect string, list or tuple but found {type(label)} in {y_col} column ")

    df[y_col] = df[y_col].apply(keep)
    return df.dropna(subset=[y_col]), classes
