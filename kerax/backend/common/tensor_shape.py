"""TensorShape, as tf.keras code uses it: `TensorShape(shape).as_list()` in custom layers."""


class TensorShape:
    def __init__(self, dims):
        if isinstance(dims, TensorShape):
            dims = dims._dims
        elif dims is None:
            dims = None
        elif isinstance(dims, int):
            dims = (dims,)
        self._dims = None if dims is None else tuple(None if d is None else int(_dim_value(d)) for d in dims)

    @property
    def rank(self):
        return None if self._dims is None else len(self._dims)

    ndims = rank

    @property
    def dims(self):
        return None if self._dims is None else list(self._dims)

    def as_list(self):
        if self._dims is None:
            raise ValueError("as_list() is not defined on an unknown TensorShape.")
        return list(self._dims)

    def __iter__(self):
        return iter(self._dims or ())

    def __len__(self):
        return len(self._dims)

    def __getitem__(self, key):
        if isinstance(key, slice):
            return TensorShape(self._dims[key])
        return self._dims[key]

    def __eq__(self, other):
        try:
            return self._dims == TensorShape(other)._dims
        except (TypeError, ValueError):
            return NotImplemented

    def __hash__(self):
        return hash(self._dims)

    def __add__(self, other):
        return TensorShape(self._dims + tuple(TensorShape(other)._dims))

    def concatenate(self, other):
        return self + other

    def __repr__(self):
        return f"TensorShape({list(self._dims) if self._dims is not None else None})"


def _dim_value(d):
    return getattr(d, "value", d)
