"""Discretization: the index of the bin each value falls in, bins given by `bin_boundaries` (bin i is
[boundaries[i-1], boundaries[i]), open-ended at both ends) or learned by `adapt()` as `num_bins` approximate
quantiles (error `epsilon`); optionally one-hot / multi-hot / count encoded. Computed with kerax.ops."""
import numpy as np

from kerax import backend, ops
from kerax.layers.layer import Layer
from kerax.layers.preprocessing import device_encoding, quantile_sketch
from kerax.layers.preprocessing.adapt_data import adapt_batches
from kerax.layers.preprocessing.host_encoding import encoded_shape
from kerax.layers.preprocessing.lookup_options import check_choice, check_sparse


class Discretization(Layer):
    def __init__(self, bin_boundaries=None, num_bins=None, epsilon=0.01, output_mode="int", sparse=False,
                 dtype=None, name=None, **kwargs):
        kwargs.pop("trainable", None)
        super().__init__(name=name, dtype=dtype, **kwargs)
        check_sparse(sparse)
        check_choice(type(self).__name__, "output_mode", output_mode, ("int", "one_hot", "multi_hot",
                                                                       "count"))
        if num_bins is not None and num_bins < 0:
            raise ValueError(f"`num_bins` must be greater than or equal to 0. Received: "
                             f"`num_bins={num_bins}`")
        if num_bins is not None and bin_boundaries is not None:
            raise ValueError(f"Both `num_bins` and `bin_boundaries` should not be set. Received: "
                             f"`num_bins={num_bins}` and `bin_boundaries={bin_boundaries}`")
        if num_bins is None and bin_boundaries is None:
            raise ValueError("You need to set either `num_bins` or `bin_boundaries`.")
        self.bin_boundaries = None if bin_boundaries is None else [float(b) for b in bin_boundaries]
        self.num_bins, self.epsilon, self.output_mode, self.sparse = num_bins, epsilon, output_mode, sparse
        self.summary = None if bin_boundaries else np.zeros((2, 0), dtype="float32")

    def adapt(self, data, steps=None):
        """Learns `num_bins` quantile boundaries from `data` (an array, a Dataset or batches)."""
        if self.num_bins is None:
            raise ValueError("Cannot adapt a Discretization layer that has been initialized with "
                             "`bin_boundaries`, use `num_bins` instead.")
        self.reset_state()
        for batch in adapt_batches(data, steps, self):
            self.update_state(batch)
        self.finalize_state()

    def update_state(self, data):
        summary = quantile_sketch.summarize(np.asarray(data, dtype="float32"), self.epsilon)
        self.summary = quantile_sketch.merge(summary, self.summary, self.epsilon)

    def finalize_state(self):
        if self.num_bins is not None:
            self.bin_boundaries = quantile_sketch.bin_boundaries(self.summary, self.num_bins).tolist()

    def reset_state(self):
        if self.num_bins is not None:
            self.summary = np.zeros((2, 0), dtype="float32")

    def call(self, inputs):
        if self.bin_boundaries is None:
            raise ValueError("You need to either pass the `bin_boundaries` argument at construction time or "
                             "call `adapt(dataset)` before you can start using the `Discretization` layer.")
        boundaries = backend.convert_to_tensor(np.asarray(self.bin_boundaries, "float32"))
        values = ops.cast(inputs if backend.is_tensor(inputs) else backend.convert_to_tensor(inputs),
                          "float32")
        indices = ops.sum(ops.cast(ops.expand_dims(values, -1) >= boundaries, "int32"), axis=-1)
        return device_encoding.encode(indices, self.output_mode, len(self.bin_boundaries) + 1,
                                      self._output_dtype())

    def _output_dtype(self):
        return self.compute_dtype if self.output_mode != "int" else "int32"

    def compute_output_spec(self, inputs):
        depth = len(self.bin_boundaries) + 1 if self.bin_boundaries is not None else self.num_bins
        shape = encoded_shape(inputs.shape, self.output_mode, depth)
        return backend.KerasTensor(shape, dtype=self._output_dtype())

    def get_config(self):
        return {"bin_boundaries": self.bin_boundaries, "num_bins": self.num_bins, "epsilon": self.epsilon,
                "output_mode": self.output_mode, "sparse": self.sparse, "name": self.name,
                "dtype": self.dtype_policy.name}

    @classmethod
    def from_config(cls, config):
        config = dict(config)
        boundaries = config.pop("bin_boundaries", None) if config.get("num_bins") is not None else None
        layer = cls(**config)
        if boundaries is not None:
            layer.bin_boundaries = boundaries
        return layer
