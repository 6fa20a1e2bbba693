"""Math ops of `keras.ops` beyond NumPy's: Fourier transforms, complex tensors as `(real, imag)` pairs."""
from kerax import backend as _backend
from kerax.ops.symbolic import export as _export

__all__ = ("fft", "ifft", "fft2", "ifft2", "rfft", "irfft")
_export(globals(), _backend.math, __all__)
