"""Math ops of `keras.ops` that are neither NumPy's nor neural-network ones: segment reductions, top-k, special
functions, distances, framing, short-time and plain Fourier transforms (complex values as (real, imag) pairs),
complex views."""
from kerax import backend as _backend
from kerax.ops.symbolic import export as _export

__all__ = (
    "segment_sum", "segment_max", "segment_min", "segment_prod", "top_k", "in_top_k", "logsumexp", "cdist",
    "extract_sequences", "rsqrt", "erf", "erfc", "erfinv", "logdet", "view_as_complex", "view_as_real",
    "stft", "istft", "fft", "ifft", "fft2", "ifft2", "rfft", "irfft",
)
_export(globals(), _backend.op_family("math"), __all__[:-8])
_export(globals(), _backend.op_family("stft"), ("stft", "istft"))
_export(globals(), _backend.op_family("fft"), ("fft", "ifft", "fft2", "ifft2", "rfft", "irfft"))
