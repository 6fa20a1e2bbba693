"""Linear algebra (JAX): factorizations, solves, inverses, norms, and forward-mode derivatives. Matrices are the
last two axes; leading axes are batch axes. Integer inputs are computed in `floatx()`."""
import jax
import jax.numpy as jnp
import jax.scipy.linalg as jsl

from kerax.backend.jax.tensors import as_float, compiled

__all__ = [
    "cholesky", "cholesky_inverse", "det", "eig", "eigh", "inv", "lu_factor", "norm", "qr", "solve",
    "solve_triangular", "svd", "lstsq", "matrix_rank", "pinv", "jvp",
]


def _matrices(name, *arrays, square=True):
    arrays = [as_float(a) for a in arrays]
    for a in arrays:
        if a.ndim < 2:
            raise ValueError(f"{name}: expected a matrix (rank >= 2), received shape {a.shape}.")
        if square and a.shape[-1] != a.shape[-2]:
            raise ValueError(f"{name}: expected square matrices, received shape {a.shape}.")
    return arrays if len(arrays) > 1 else arrays[0]


def _right_hand_side(name, a, b):
    b = as_float(b)
    if b.ndim < 1:
        raise ValueError(f"{name}: `b` must have rank >= 1, received a scalar.")
    rows = a.shape[-2] if b.ndim == a.ndim else a.shape[-1]
    if b.shape[0 if b.ndim == 1 else -2] != rows:
        raise ValueError(f"{name}: `a` and `b` do not line up: a.shape={a.shape}, b.shape={b.shape} (expected "
                         f"b's rows ({'first' if b.ndim == 1 else 'second-to-last'} axis) to be {rows}).")
    return b


def _raise_on_nan(name, out, why):
    # Eager results are checked, as NumPy would fail; traced ones cannot be.
    if not isinstance(out, jax.core.Tracer) and bool(jnp.any(jnp.isnan(out))):
        raise ValueError(f"{name} failed: {why}")
    return out


def cholesky(x, upper=False):
    out = _cholesky(x, upper)
    return _raise_on_nan("cholesky", out, "the input is not a symmetric positive-definite matrix.")


@compiled("upper")
def _cholesky(x, upper):
    return jnp.linalg.cholesky(_matrices("cholesky", x), upper=upper)


@compiled("upper")
def cholesky_inverse(x, upper=False):
    """The inverse of A from its Cholesky factor `x` (A = x @ x^T, or x^T @ x when `upper`)."""
    x = _matrices("cholesky_inverse", x)
    identity = jnp.broadcast_to(jnp.eye(x.shape[-1], dtype=x.dtype), x.shape)
    inverse_factor = jsl.solve_triangular(x, identity, lower=not upper)
    transposed = jnp.swapaxes(inverse_factor, -1, -2)
    if upper:
        return inverse_factor @ transposed
    return transposed @ inverse_factor


def det(x):
    return jnp.linalg.det(_matrices("det", x))


def eig(x):
    return jnp.linalg.eig(_matrices("eig", x))


def eigh(x):
    return jnp.linalg.eigh(_matrices("eigh", x))


def inv(x):
    return jnp.linalg.inv(_matrices("inv", x))


@compiled()
def lu_factor(x):
    """(lu, pivots) with L (unit diagonal) and U packed into `lu`, as `scipy.linalg.lu_factor`."""
    factor = jsl.lu_factor
    x = _matrices("lu_factor", x, square=False)
    for _ in range(x.ndim - 2):
        factor = jax.vmap(factor)
    return factor(x)


def norm(x, ord=None, axis=None, keepdims=False):
    axis = tuple(axis) if isinstance(axis, list) else axis
    return jnp.linalg.norm(as_float(x), ord=ord, axis=axis, keepdims=keepdims)


def qr(x, mode="reduced"):
    if mode not in ("reduced", "complete"):
        raise ValueError(f"qr: `mode` must be 'reduced' or 'complete', received mode={mode!r}.")
    return jnp.linalg.qr(_matrices("qr", x, square=False), mode=mode)


def solve(a, b):
    a = _matrices("solve", a)
    return jnp.linalg.solve(a, _right_hand_side("solve", a, b))


def solve_triangular(a, b, lower=False):
    a = _matrices("solve_triangular", a)
    return jsl.solve_triangular(a, _right_hand_side("solve_triangular", a, b), lower=lower)


def svd(x, full_matrices=True, compute_uv=True):
    return jnp.linalg.svd(_matrices("svd", x, square=False), full_matrices=full_matrices, compute_uv=compute_uv)


def lstsq(a, b, rcond=None):
    """The least-squares solution only (NumPy's lstsq also returns residuals, rank and singular values)."""
    a = _matrices("lstsq", a, square=False)
    return jnp.linalg.lstsq(a, as_float(b), rcond=rcond)[0]


def matrix_rank(x, tol=None):
    return jnp.linalg.matrix_rank(_matrices("matrix_rank", x, square=False), tol=tol).astype("int32")


def pinv(x, rcond=None):
    return jnp.linalg.pinv(_matrices("pinv", x, square=False), rtol=rcond)


def jvp(fun, primals, tangents, has_aux=False):
    return jax.jvp(fun, primals, tangents, has_aux=has_aux)
