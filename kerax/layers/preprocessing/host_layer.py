"""HostLayer: a preprocessing layer that computes on the host with vectorised NumPy, for data JAX cannot hold
(strings) or work that is a table lookup rather than array math (vocabularies, string hashing).

Called on data (lists, NumPy arrays, concrete JAX arrays) it returns NumPy arrays, so it works on its own, in
`Dataset.map`, and in front of a model. Called on a symbolic tensor (e.g. `Input(shape=(1,), dtype="string")`)
it records a graph node whose output comes from `compute_output_spec`: strings cannot be traced. How a
functional model runs such nodes before its compiled steps is described in kerax/models/host_part.py.
"""
import numpy as np

from kerax import backend, tree
from kerax.layers.layer import Layer


class HostLayer(Layer):
    runs_on_host = True

    def __call__(self, inputs, *args, **kwargs):
        if isinstance(inputs, list) and inputs and isinstance(inputs[0], (str, bytes)):
            inputs = np.asarray(inputs)  # a list of texts is one input: no need to walk it item by item
        if backend.any_symbolic_tensors((inputs, args, kwargs)):
            return self.symbolic_call(inputs, *args, **kwargs)
        kwargs.pop("training", None)
        kwargs.pop("mask", None)
        inputs = tree.map_structure(self._host_array, inputs) if isinstance(inputs, (tuple, dict)) else \
            self._host_array(inputs)
        if not self.built:
            self.build(tree.map_structure(np.shape, inputs))
            self.built = True
        return self.call(inputs, *args, **kwargs)

    def _host_array(self, x):
        if backend.is_tensor(x):
            if backend.is_traced(x):
                raise ValueError(
                    f'{type(self).__name__} layer "{self.name}" computes on the host with NumPy and cannot '
                    f'run '
                    "inside a compiled function. In a model, feed it directly from the model's inputs (or "
                    "from other host layers); otherwise apply it to the data first, e.g. in `Dataset.map`."
                )
            return backend.convert_to_numpy(x)
        if isinstance(x, backend.Variable):
            return x.numpy()
        return np.asarray(x)

    def compute_output_spec(self, inputs, *args, **kwargs):
        shape = tree.map_structure(lambda t: t.shape, inputs)
        return backend.KerasTensor(self.compute_output_shape(shape), dtype=self.output_dtype())

    def output_dtype(self):
        return self.compute_dtype
