"""An Estimator over a compiled kerax model (`kerax.estimator.model_to_estimator`): `train(input_fn, steps)`,
`evaluate`, `predict`, with checkpoints in `model_dir`.

TF's model_to_estimator trained a copy of the model in a TF1 graph; here the Estimator trains the given model
itself (its weights change) with `fit`, under `config.train_distribute` (e.g. MirroredStrategy) when set.
`input_fn()` returns what `fit` accepts: a kerax.data.Dataset (features, labels), a generator, or a
(features, labels) tuple of arrays. A checkpoint `model.ckpt-<step>.weights.h5` is written after each call to
`train` (by the chief only, with several processes) and restored by the next Estimator on the same directory.
"""
import glob
import os
import re

from kerax import backend
from kerax.distribute import get_strategy

_CHECKPOINT = re.compile(r"model\.ckpt-(\d+)\.weights\.h5$")


class Estimator:
    def __init__(self, model, model_dir, config):
        self.model = model
        self.config = config
        self.model_dir = model_dir
        os.makedirs(model_dir, exist_ok=True)
        latest = self.latest_checkpoint()
        if latest:
            model.load_weights(latest)

    def train(self, input_fn, hooks=None, steps=None, max_steps=None, saving_listeners=None):
        if steps is not None and max_steps is not None:
            raise ValueError("Can not provide both steps and max_steps.")
        if max_steps is not None:
            steps = max_steps - self.get_variable_value("global_step")
            if steps <= 0:
                return self
        with (self.config.train_distribute or get_strategy()).scope():
            self.model.fit(**_fit_data(input_fn()), steps_per_epoch=steps, epochs=1, verbose=0)
        self._save_checkpoint()
        return self

    def evaluate(self, input_fn, steps=None, hooks=None, checkpoint_path=None, name=None):
        if checkpoint_path:
            self.model.load_weights(checkpoint_path)
        with (self.config.eval_distribute or get_strategy()).scope():
            logs = self.model.evaluate(**_fit_data(input_fn()), steps=steps, verbose=0, return_dict=True)
        return {**logs, "global_step": self.get_variable_value("global_step")}

    def predict(self, input_fn, predict_keys=None, hooks=None, checkpoint_path=None,
                yield_single_examples=True):
        """Yields one prediction per example (or per batch with yield_single_examples=False)."""
        if checkpoint_path:
            self.model.load_weights(checkpoint_path)
        outputs = self.model.predict(_fit_data(input_fn())["x"], verbose=0)
        yield from (outputs if yield_single_examples else [outputs])

    def get_variable_value(self, name):
        if name == "global_step":
            optimizer = self.model.optimizer
            return 0 if optimizer is None else int(backend.convert_to_numpy(optimizer.iterations))
        for variable in self.model.weights:
            if variable.path == name or variable.name == name:
                return variable.numpy()
        raise ValueError(f"No variable named {name!r}; the model's variables are "
                         f"{[v.path for v in self.model.weights]}.")

    def latest_checkpoint(self):
        found = [(int(m.group(1)), path) for path in glob.glob(os.path.join(self.model_dir, "model.ckpt-*"))
                 if (m := _CHECKPOINT.search(path))]
        return max(found)[1] if found else None

    def _save_checkpoint(self):
        if backend.process_info()[0] != 0:
            return  # the chief writes for everyone
        step = self.get_variable_value("global_step")
        self.model.save_weights(os.path.join(self.model_dir, f"model.ckpt-{step}.weights.h5"), overwrite=True)
        keep = self.config.keep_checkpoint_max
        checkpoints = sorted((int(_CHECKPOINT.search(p).group(1)), p)
                             for p in glob.glob(os.path.join(self.model_dir, "model.ckpt-*.weights.h5")))
        for _, path in checkpoints[:-keep] if keep else []:
            os.remove(path)


def _fit_data(data):
    """What input_fn returned as fit's arguments: a (features, labels) pair of arrays is x and y; a dataset or
    generator is x."""
    if isinstance(data, tuple) and len(data) == 2:
        return {"x": data[0], "y": data[1]}
    return {"x": data}
