"""DirectoryIterator: tf.keras's flow_from_directory. One subfolder per class (sorted), files sorted within
each; with a validation split, the first `validation_split` of every class's files is the validation part."""
import os
import warnings

import numpy as np

from kerax.backend import config
from kerax.preprocessing.file_batches import BatchFromFilesMixin
from kerax.preprocessing.image_iterator import Iterator
from kerax.utils.dataset_utils import valid_files


class DirectoryIterator(BatchFromFilesMixin, Iterator):
    allowed_class_modes = {"categorical", "binary", "sparse", "input", None}

    def __init__(self, directory, image_data_generator, target_size=(256, 256), color_mode="rgb",
                 classes=None, class_mode="categorical", batch_size=32, shuffle=True, seed=None,
                 data_format=None, save_to_dir=None, save_prefix="", save_format="png", follow_links=False,
                 subset=None, interpolation="nearest", keep_aspect_ratio=False, dtype=None):
        data_format = data_format or config.image_data_format()
        self.set_processing_attrs(image_data_generator, target_size, color_mode, data_format, save_to_dir,
                                  save_prefix, save_format, subset, interpolation, keep_aspect_ratio)
        self.directory = directory
        if class_mode not in self.allowed_class_modes:
            raise ValueError(f"Invalid class_mode: {class_mode}; expected one of: {self.allowed_class_modes}")
        self.class_mode, self.dtype = class_mode, dtype or config.floatx()
        if not classes:
            classes = [d for d in sorted(os.listdir(directory)) if os.path.isdir(os.path.join(directory, d))]
        self.num_classes = len(classes)
        self.class_indices = dict(zip(classes, range(len(classes))))
        self.filenames, labels = [], []
        for name in classes:
            found = self._class_files(os.path.join(directory, name), follow_links)
            self.filenames += found
            labels += [self.class_indices[name]] * len(found)
        self.classes = np.asarray(labels, dtype="int32")
        self.samples = len(self.filenames)
        print(f"Found {self.samples} images belonging to {self.num_classes} classes.")
        self._filepaths = [os.path.join(directory, name) for name in self.filenames]
        super().__init__(self.samples, batch_size, shuffle, seed)

    def _class_files(self, folder, follow_links):
        """The class's files (this split's share), relative to `directory`: "class_a/x.png"."""
        paths = list(valid_files(folder, follow_links, self.white_list_formats))
        if any(p.lower().endswith(".tiff") for p in paths):
            warnings.warn(
                'Using ".tiff" files with multiple bands will cause distortion. Please verify your output.'
            )
        if self.split:
            paths = paths[int(self.split[0] * len(paths)):int(self.split[1] * len(paths))]
        return [os.path.join(os.path.basename(folder), os.path.relpath(p, folder)) for p in paths]

    @property
    def filepaths(self):
        return self._filepaths

    @property
    def labels(self):
        return self.classes

    @property
    def sample_weight(self):
        return None
