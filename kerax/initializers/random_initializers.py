"""Initializers drawing from fixed distributions: RandomNormal, RandomUniform, TruncatedNormal, Orthogonal."""
import math

import numpy as np

from kerax import backend
from kerax.initializers.initializer import RandomInitializer


class RandomNormal(RandomInitializer):
    def __init__(self, mean=0.0, stddev=0.05, seed=None):
        super().__init__(seed)
        self.mean = mean
        self.stddev = stddev

    def __call__(self, shape, dtype=None):
        return self._normal(shape, self.mean, self.stddev, backend.standardize_dtype(dtype))

    def get_config(self):
        return {"mean": self.mean, "stddev": self.stddev, **super().get_config()}


class TruncatedNormal(RandomNormal):
    """A normal distribution whose values beyond two standard deviations from the mean are redrawn."""

    def __call__(self, shape, dtype=None):
        dtype = backend.standardize_dtype(dtype)
        return self._truncated_normal(shape, self.mean, self.stddev, dtype)


class RandomUniform(RandomInitializer):
    def __init__(self, minval=-0.05, maxval=0.05, seed=None):
        super().__init__(seed)
        self.minval = minval
        self.maxval = maxval

    def __call__(self, shape, dtype=None):
        dtype = backend.standardize_dtype(dtype)
        return self._uniform(shape, self.minval, self.maxval, dtype)

    def get_config(self):
        return {"minval": self.minval, "maxval": self.maxval, **super().get_config()}


class Orthogonal(RandomInitializer):
    """An orthogonal matrix (times `gain`), from the QR decomposition of a normal random matrix. Shapes of
    rank > 2 are treated as a matrix of `prod(shape[:-1])` rows and `shape[-1]` columns."""

    def __init__(self, gain=1.0, seed=None):
        super().__init__(seed)
        self.gain = gain

    def __call__(self, shape, dtype=None):
        shape = tuple(shape)
        if len(shape) < 2:
            raise ValueError(
                f"The orthogonal initializer needs a shape of rank 2 or more. Received: shape={shape}"
            )
        dtype = backend.standardize_dtype(dtype)
        rows, cols = math.prod(shape[:-1]), shape[-1]
        # QR needs single or double precision; half-precision results are cast at the end.
        work_dtype = dtype if dtype in ("float32", "float64") else "float32"
        a = self._normal((max(rows, cols), min(rows, cols)), 0.0, 1.0, work_dtype)
        q, r = np.linalg.qr(np.asarray(a))
        # Fixing the signs of R's diagonal makes Q uniformly distributed over orthogonal matrices.
        q = q * np.sign(np.diagonal(r))
        if rows < cols:
            q = q.T
        return (self.gain * q.reshape(shape)).astype(dtype)

    def get_config(self):
        return {"gain": self.gain, **super().get_config()}
