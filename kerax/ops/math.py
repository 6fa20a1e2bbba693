"""Math ops of `keras.ops` that are neither NumPy's nor neural-network ones: segment reductions, top-k, special
functions, distances, framing and short-time Fourier transforms, complex views."""
from kerax import backend as _backend
from kerax.ops.symbolic import export as _export

__all__ = (
    "segment_sum", "segment_max", "segment_min", "segment_prod", "top_k", "in_top_k", "logsumexp", "cdist",
    "extract_sequences", "rsqrt", "erf", "erfc", "erfinv", "logdet", "view_as_complex", "view_as_real",
    "stft", "istft",
)
_export(globals(), _backend.math, __all__[:-2])
_export(globals(), _backend.stft, __all__[-2:])
