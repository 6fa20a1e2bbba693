"""SidecarEvaluator (tf.keras): a process beside training that evaluates each new checkpoint the training
writes into a directory (e.g. with `ModelCheckpoint(save_weights_only=True)`), until the checkpoint numbered
`max_evaluations` has been evaluated."""
import logging
import os
import re
import time

_CHECKPOINT_SUFFIXES = (".weights.h5", ".h5", ".hdf5", ".keras")
_NUMBER = re.compile(r"-(\d+)(?:\.weights\.h5|\.h5|\.hdf5|\.keras)?$")


class SidecarEvaluator:
    """Evaluates `model` on `data` (anything `model.evaluate` takes, `steps` batches of it) with the weights
    of every new checkpoint file in `checkpoint_dir`, newest first; `callbacks` see each evaluation. The model
    must be compiled with the metrics to report. With `max_evaluations=k` it stops after a checkpoint whose
    name ends with `-<n>` (before the extension), n >= k; without, it runs until stopped."""

    poll_seconds = 1.0  # how often the directory is checked for a new checkpoint

    def __init__(self, model, data, checkpoint_dir, steps=None, max_evaluations=None, callbacks=None):
        self.model = model
        self.data = data
        self.checkpoint_dir = os.fspath(checkpoint_dir)
        self.steps = steps
        self.max_evaluations = max_evaluations
        self.callbacks = callbacks or []

    def start(self):
        """Runs the evaluation loop; returns once the last checkpoint has been evaluated."""
        evaluated = None
        while True:
            latest = self._latest_checkpoint()
            if latest is None or latest == evaluated:
                time.sleep(self.poll_seconds)
                continue
            evaluated = latest
            try:
                self.model.load_weights(latest[1])
            except (OSError, ValueError) as error:
                logging.info("SidecarEvaluator encountered an error when loading the checkpoint at "
                             f"{latest[1]}. Retrying. Error: {type(error).__name__}: {error}")
                evaluated = None
                time.sleep(self.poll_seconds)
                continue
            logging.info(f"Evaluation starts: Model weights loaded from latest checkpoint file {latest[1]}")
            results = self.model.evaluate(self.data, steps=self.steps, callbacks=self.callbacks, verbose=2,
                                          return_dict=True)
            logging.info("End of evaluation. Metrics: " + " ".join(f"{k}={v}" for k, v in results.items()))
            number = _NUMBER.search(latest[1])
            if self.max_evaluations and number and self.max_evaluations <= int(number.group(1)):
                logging.info("Last checkpoint evaluated. SidecarEvaluator stops.")
                return

    def _latest_checkpoint(self):
        """(modification time, path) of the newest checkpoint file, or None."""
        if not os.path.isdir(self.checkpoint_dir):
            return None
        found = []
        for name in os.listdir(self.checkpoint_dir):
            path = os.path.join(self.checkpoint_dir, name)
            # Temporaries of a save in progress start with "." (saving/atomic_write.py).
            if not name.startswith(".") and name.endswith(_CHECKPOINT_SUFFIXES) and os.path.isfile(path):
                found.append((os.path.getmtime(path), path))
        return max(found) if found else None
