"""Symbolic tensors of the functional API: a shape, a dtype, and the layer call that produced them."""
from kerax.tree.tree_api import flatten
from kerax.backend.common.dtypes import standardize_dtype


class KerasTensor:
    def __init__(self, shape, dtype="float32", name=None, sparse=False):
        self.shape = tuple(None if d is None else int(d) for d in shape)
        self.dtype = standardize_dtype(dtype)
        self.name = name
        self.sparse = sparse
        self._keras_history = None  # (layer, node_index, tensor_index), set by Layer.__call__

    @property
    def ndim(self):
        return len(self.shape)

    def reshape(self, new_shape):
        from kerax import ops  # cycle: ops build on KerasTensor
        return ops.reshape(self, new_shape)

    def __repr__(self):
        return f"<KerasTensor shape={self.shape}, dtype={self.dtype}, name={self.name}>"

    def __iter__(self):
        raise TypeError(
            "A symbolic KerasTensor cannot be iterated over: it has no values until the model runs. "
            "Use it inside a layer (e.g. `keras.layers.Lambda`) instead."
        )

    def __array__(self, *args, **kwargs):
        raise TypeError(
            "A symbolic KerasTensor (from `keras.Input`) cannot be turned into a NumPy array: it only "
            "describes a shape and dtype. Build a `keras.Model(inputs, outputs)` and call it on real data."
        )

    # Operators route through kerax.ops, which records them as graph nodes.
    def _op(self, name, *args):
        from kerax import ops  # cycle: ops build on KerasTensor
        return getattr(ops, name)(*args)

    def __add__(self, o): return self._op("add", self, o)
    def __radd__(self, o): return self._op("add", o, self)
    def __sub__(self, o): return self._op("subtract", self, o)
    def __rsub__(self, o): return self._op("subtract", o, self)
    def __mul__(self, o): return self._op("multiply", self, o)
    def __rmul__(self, o): return self._op("multiply", o, self)
    def __truediv__(self, o): return self._op("divide", self, o)
    def __rtruediv__(self, o): return self._op("divide", o, self)
    def __matmul__(self, o): return self._op("matmul", self, o)
    def __rmatmul__(self, o): return self._op("matmul", o, self)
    def __pow__(self, o): return self._op("power", self, o)
    def __neg__(self): return self._op("negative", self)
    def __abs__(self): return self._op("absolute", self)
    def __getitem__(self, key): return self._op("get_item", self, key)

    __hash__ = object.__hash__


def is_keras_tensor(x):
    return isinstance(x, KerasTensor)


def any_symbolic_tensors(args=(), kwargs=None):
    return any(isinstance(x, KerasTensor) for x in flatten((args, kwargs or {})))
