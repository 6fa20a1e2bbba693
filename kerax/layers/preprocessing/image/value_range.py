"""`value_range` of the colour augmentations: the [low, high] interval pixel values live in."""


def checked_value_range(value_range):
    if not isinstance(value_range, (tuple, list)) or len(value_range) != 2:
        raise ValueError(f"The `value_range` argument should be a list of two numbers. Received: "
                         f"value_range={value_range}")
    return sorted(value_range)
