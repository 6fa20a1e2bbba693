"""The settings shared by the geometric augmentations (rotation, zoom, translation, shear): how points outside
the image are filled and how pixels are sampled, checked as Keras does."""

FILL_MODES = ("reflect", "wrap", "constant", "nearest")
INTERPOLATIONS = ("nearest", "bilinear")


def check_fill_and_interpolation(fill_mode, interpolation):
    if fill_mode not in FILL_MODES:
        raise NotImplementedError(f"Unknown `fill_mode` {fill_mode}. Expected of one {FILL_MODES}.")
    if interpolation not in INTERPOLATIONS:
        raise NotImplementedError(f"Unknown `interpolation` {interpolation}. Expected of one "
                                  f"{INTERPOLATIONS}.")


def factor_range(factor, name, include_minus_one=True):
    """(lower, upper) of a factor given as one number f (meaning (-f, f)) or two, each in (-1, 1]."""
    message = (f"The `{name}` argument should be a number (or a list of two numbers) in the range "
               f"{'[' if include_minus_one else '('}-1.0, 1.0]. Received: {name}={factor}")
    values = list(factor) if isinstance(factor, (tuple, list)) else [factor]
    if len(values) not in (1, 2) or not all(isinstance(v, (int, float)) for v in values):
        raise ValueError(message)
    if any(v > 1.0 or v < -1.0 or (v == -1.0 and not include_minus_one) for v in values):
        raise ValueError(message)
    if len(values) == 1:
        return -abs(values[0]), abs(values[0])
    return tuple(sorted(values))


def unit_range(factor, name):
    """(lower, upper) in [0, 1] of a value given as one number f (meaning (0, f)) or two."""
    message = (f"The `{name}` argument should be a number (or a list of two numbers) in the range [0, 1]. "
               f"Received: {name}={factor}")
    values = list(factor) if isinstance(factor, (tuple, list)) else [0, factor]
    if len(values) != 2 or any(not isinstance(v, (int, float)) for v in values) or \
            values[0] > 1 or values[1] < 0 or min(values) < 0 or max(values) > 1:
        raise ValueError(message)
    return tuple(sorted(values))
