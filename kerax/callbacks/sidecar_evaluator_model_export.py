"""SidecarEvaluatorModelExport (tf.keras): with `utils.SidecarEvaluator`, saves the model each time an
evaluated checkpoint is the best so far, under the training epoch that checkpoint was written at."""
import os
import re

from kerax.callbacks.model_checkpoint import ModelCheckpoint


class SidecarEvaluatorModelExport(ModelCheckpoint):
    """`export_filepath` (format fields as ModelCheckpoint's; `{epoch}` is the checkpoint's training epoch)
    receives the best model; `checkpoint_filepath` is the training side's ModelCheckpoint `filepath`, e.g.
    `ckpt-{epoch:04d}.weights.h5`, from which the epoch of the newest checkpoint is read."""

    def __init__(self, export_filepath, checkpoint_filepath, **kwargs):
        if kwargs.get("save_freq") == "eval":  # tf.keras's spelling: saving happens after each evaluation
            kwargs["save_freq"] = "epoch"
        super().__init__(filepath=export_filepath, save_best_only=True, **kwargs)
        self._checkpoint_filepath = os.fspath(checkpoint_filepath)

    def on_test_begin(self, logs=None):
        self.export_index = 0
        pattern = _pattern_of(os.path.basename(self._checkpoint_filepath))
        directory = os.path.dirname(self._checkpoint_filepath) or "."
        matches = [(os.path.getmtime(os.path.join(directory, name)), pattern.fullmatch(name))
                   for name in (os.listdir(directory) if os.path.isdir(directory) else [])]
        matches = [(mtime, match) for mtime, match in matches if match and match.groupdict().get("epoch")]
        if matches:
            self.export_index = int(max(matches, key=lambda m: m[0])[1]["epoch"]) - 1

    def on_test_end(self, logs=None):
        self._save(self.export_index, None, logs)


def _pattern_of(filepath):
    """A regex matching the names a ModelCheckpoint filepath produces, capturing the epoch."""
    parts, position = [], 0
    for field in re.finditer(r"\{([^{}:]*)(?::[^{}]*)?\}", filepath):
        parts.append(re.escape(filepath[position:field.start()]))
        parts.append(r"(?P<epoch>\d+)" if field.group(1) == "epoch" and "(?P<epoch>" not in "".join(parts)
                     else ".*?")
        position = field.end()
    parts.append(re.escape(filepath[position:]))
    return re.compile("".join(parts))
