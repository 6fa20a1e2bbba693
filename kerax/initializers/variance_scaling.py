"""VarianceScaling and its named cases (Glorot, He, LeCun): a spread chosen from the tensor's fan-in/out."""
import math

from kerax import backend
from kerax.initializers.initializer import RandomInitializer

# Standard deviation of a unit normal truncated to [-2, 2]: dividing by it restores the requested stddev.
_TRUNCATED_STDDEV = 0.87962566103423978
_MODES = ("fan_in", "fan_out", "fan_avg")
_DISTRIBUTIONS = ("truncated_normal", "untruncated_normal", "uniform")


def compute_fans(shape):
    """(fan_in, fan_out); a kernel of rank > 2 is a convolution kernel `(*receptive_field, in, out)`."""
    shape = tuple(shape)
    if not shape:
        return 1, 1
    if len(shape) == 1:
        return shape[0], shape[0]
    receptive_field = math.prod(shape[:-2])
    return shape[-2] * receptive_field, shape[-1] * receptive_field


class VarianceScaling(RandomInitializer):
    """Draws with variance `scale / n`, n being the fan-in, the fan-out or their average (`mode`)."""

    def __init__(self, scale=1.0, mode="fan_in", distribution="truncated_normal", seed=None):
        if not scale > 0:
            raise ValueError(f"`scale` must be a positive float. Received: scale={scale!r}")
        if mode not in _MODES:
            raise ValueError(f"Invalid `mode`: {mode!r}. Expected one of {_MODES}.")
        distribution = str(distribution).lower()
        if distribution == "normal":  # Keras 2's name for the truncated normal
            distribution = "truncated_normal"
        if distribution not in _DISTRIBUTIONS:
            raise ValueError(f"Invalid `distribution`: {distribution!r}. Expected one of {_DISTRIBUTIONS}.")
        super().__init__(seed)
        self.scale = scale
        self.mode = mode
        self.distribution = distribution

    def __call__(self, shape, dtype=None):
        dtype = backend.standardize_dtype(dtype)
        fan_in, fan_out = compute_fans(shape)
        n = {"fan_in": fan_in, "fan_out": fan_out, "fan_avg": (fan_in + fan_out) / 2.0}[self.mode]
        variance = self.scale / max(1.0, n)
        if self.distribution == "truncated_normal":
            stddev = math.sqrt(variance) / _TRUNCATED_STDDEV
            return self._truncated_normal(shape, 0.0, stddev, dtype)
        if self.distribution == "untruncated_normal":
            return self._normal(shape, 0.0, math.sqrt(variance), dtype)
        limit = math.sqrt(3.0 * variance)
        return self._uniform(shape, -limit, limit, dtype)

    def get_config(self):
        return {"scale": self.scale, "mode": self.mode, "distribution": self.distribution,
                **super().get_config()}


class _NamedVarianceScaling(VarianceScaling):
    """A VarianceScaling with fixed arguments: only the seed is configurable."""

    def get_config(self):
        return RandomInitializer.get_config(self)


class GlorotUniform(_NamedVarianceScaling):
    """Uniform in [-l, l] with l = sqrt(6 / (fan_in + fan_out))."""

    def __init__(self, seed=None):
        super().__init__(1.0, "fan_avg", "uniform", seed)


class GlorotNormal(_NamedVarianceScaling):
    """Truncated normal with stddev sqrt(2 / (fan_in + fan_out))."""

    def __init__(self, seed=None):
        super().__init__(1.0, "fan_avg", "truncated_normal", seed)


class HeUniform(_NamedVarianceScaling):
    """Uniform in [-l, l] with l = sqrt(6 / fan_in)."""

    def __init__(self, seed=None):
        super().__init__(2.0, "fan_in", "uniform", seed)


class HeNormal(_NamedVarianceScaling):
    """Truncated normal with stddev sqrt(2 / fan_in)."""

    def __init__(self, seed=None):
        super().__init__(2.0, "fan_in", "truncated_normal", seed)


class LecunUniform(_NamedVarianceScaling):
    """Uniform in [-l, l] with l = sqrt(3 / fan_in)."""

    def __init__(self, seed=None):
        super().__init__(1.0, "fan_in", "uniform", seed)


class LecunNormal(_NamedVarianceScaling):
    """Truncated normal with stddev sqrt(1 / fan_in)."""

    def __init__(self, seed=None):
        super().__init__(1.0, "fan_in", "truncated_normal", seed)
