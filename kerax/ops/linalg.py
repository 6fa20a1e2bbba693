"""kerax.ops.linalg: linear algebra (Keras's `keras.ops.linalg`); every name is also in `kerax.ops`."""
from kerax import backend as _backend
from kerax.ops.symbolic import export as _export

__all__ = (
    "cholesky", "cholesky_inverse", "det", "eig", "eigh", "inv", "jvp", "lstsq", "lu_factor",
    "matrix_rank", "norm", "pinv", "qr", "solve", "solve_triangular", "svd",
)
_export(globals(), _backend.op_family("linalg"), __all__, plain=("jvp",))
