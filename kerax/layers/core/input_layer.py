"""InputLayer and `Input()`: the entry points of a functional graph."""
import numpy as np

from kerax.backend import KerasTensor, standardize_dtype
from kerax.layers.layer import Layer
from kerax.ops.node import Node
from kerax.backend import TensorShape


class InputLayer(Layer):
    def __init__(self, shape=None, batch_size=None, dtype=None, sparse=False, batch_shape=None,
                 input_tensor=None, name=None, input_shape=None, batch_input_shape=None, **kwargs):
        super().__init__(name=name, dtype=dtype, **kwargs)
        shape = shape if shape is not None else input_shape
        batch_shape = batch_shape if batch_shape is not None else batch_input_shape
        if batch_shape is None:
            if shape is None:
                raise ValueError("Input: pass `shape=` (without the batch dimension) or `batch_shape=`.")
            batch_shape = (batch_size,) + tuple(TensorShape(shape).as_list())
        self.batch_shape = tuple(TensorShape(batch_shape).as_list())
        self._dtype = standardize_dtype(dtype) if dtype is not None else self.dtype_policy.variable_dtype
        self.sparse = sparse
        self.built = True
        output = input_tensor or KerasTensor(self.batch_shape, dtype=self._dtype, name=self.name)
        Node(self, (), {}, output)
        self.output_tensor = output

    def call(self, inputs):
        return inputs

    def _convert_inputs(self, inputs):
        if self._dtype == "string":
            return np.asarray(inputs)  # text stays on the host, for the host layers that read it
        return super()._convert_inputs(inputs)

    def get_config(self):
        return {"name": self.name, "batch_shape": list(self.batch_shape), "dtype": self._dtype,
                "sparse": self.sparse}


def Input(shape=None, batch_size=None, name=None, dtype=None, sparse=False, batch_shape=None, tensor=None,
          **kwargs):
    """A symbolic tensor to build a functional model from: `x = Input(shape=(32,))`."""
    return InputLayer(shape=shape, batch_size=batch_size, name=name, dtype=dtype, sparse=sparse,
                      batch_shape=batch_shape, input_tensor=tensor, **kwargs).output_tensor
