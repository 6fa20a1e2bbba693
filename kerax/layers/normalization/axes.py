"""Axis handling shared by the normalization layers: which axes own parameters, and how those parameters
broadcast against the input."""


def normalize_axes(axis, input_shape, layer):
    """The parameter axes as sorted non-negative ints; an error names the layer and the input shape."""
    ndim = len(input_shape)
    axes = list(axis) if isinstance(axis, (list, tuple)) else [axis]
    resolved = []
    for a in axes:
        if not isinstance(a, int) or not -ndim <= a < ndim:
            raise ValueError(
                f'{type(layer).__name__} layer "{layer.name}": invalid axis {axis!r} for an input of shape '
                f"{tuple(input_shape)} (rank {ndim})."
            )
        resolved.append(a % ndim)
    if len(set(resolved)) != len(resolved):
        raise ValueError(f'{type(layer).__name__} layer "{layer.name}": duplicate entries in axis={axis!r}.')
    axes = tuple(sorted(resolved))
    for a in axes:
        if input_shape[a] is None:
            raise ValueError(
                f'{type(layer).__name__} layer "{layer.name}": axis {a} of the input must be known, received '
                f"input shape {tuple(input_shape)}."
            )
    return axes


def parameter_shape(input_shape, axes):
    return tuple(input_shape[a] for a in axes)


def broadcast_shape(ndim, axes, input_shape):
    """The parameter shape with 1s on the reduced axes, so parameters broadcast against the input."""
    return tuple(input_shape[i] if i in axes else 1 for i in range(ndim))
