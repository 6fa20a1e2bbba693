"""Scaled dot-product attention (JAX). Inputs are (batch, time, heads, depth); keys and values may have fewer
heads than queries (grouped-query attention: query head n reads key head n // (heads // key_heads)).

`jax.nn.dot_product_attention` runs it, fused (cuDNN flash attention) where the GPU supports it; value
depths that differ from key depths, and `attn_logits_soft_cap`, which it does not take, run the same math
written here."""
import jax
import jax.numpy as jnp

from kerax.backend.jax.tensors import compiled, tensor

__all__ = ["dot_product_attention"]


def dot_product_attention(query, key, value, bias=None, mask=None, scale=None, is_causal=False,
                          flash_attention=None, attn_logits_soft_cap=None):
    query, key, value = tensor(query), tensor(key), tensor(value)
    if query.ndim != 4 or key.ndim != 4 or value.ndim != 4:
        raise ValueError("dot_product_attention: query, key and value must be 4-D (batch, time, heads, depth), "
                         f"received shapes {query.shape}, {key.shape}, {value.shape}.")
    dtype = jnp.result_type(query, key, value)
    query, key, value = query.astype(dtype), key.astype(dtype), value.astype(dtype)
    bias = None if bias is None else tensor(bias).astype(dtype)
    mask = None if mask is None else tensor(mask).astype(bool)
    if attn_logits_soft_cap is not None or value.shape[-1] != key.shape[-1]:
        if flash_attention:
            raise ValueError("dot_product_attention: flash attention needs value depth == key depth and no "
                             "`attn_logits_soft_cap`; pass flash_attention=None or False.")
        return _attention(query, key, value, bias, mask, scale, is_causal, attn_logits_soft_cap)
    implementation = {None: None, True: "cudnn", False: "xla"}[flash_attention]
    try:
        return _fused_attention(query, key, value, bias, mask, scale, is_causal, implementation)
    except RuntimeError as error:
        if flash_attention:
            raise RuntimeError(f"dot_product_attention: flash attention is not available here ({error}). It "
                               "needs a GPU with cuDNN; pass flash_attention=None to fall back.") from error
        raise


@compiled("scale", "is_causal", "implementation")
def _fused_attention(query, key, value, bias, mask, scale, is_causal, implementation):
    return jax.nn.dot_product_attention(query, key, value, bias=bias, mask=mask, scale=scale, is_causal=is_causal,
                                        implementation=implementation)


@compiled("scale", "is_causal", "soft_cap")
def _attention(query, key, value, bias, mask, scale, is_causal, soft_cap):
    batch, target, heads, depth = query.shape
    source, key_heads = key.shape[1], key.shape[2]
    grouped = jnp.reshape(query, (batch, target, key_heads, heads // key_heads, depth))
    logits_dtype = jnp.promote_types(query.dtype, jnp.float32)
    logits = jnp.einsum("btkgh,bskh->bkgts", grouped, key, preferred_element_type=logits_dtype)
    logits = jnp.reshape(logits, (batch, heads, target, source)) * (depth ** -0.5 if scale is None else scale)
    if soft_cap is not None:
        logits = logits / (1.0 + jnp.abs(logits) / soft_cap)
    if bias is not None:
        logits = logits + bias
    if is_causal:
        causal = jnp.tril(jnp.ones((target, source), bool))
        mask = causal if mask is None else mask & causal
    if mask is not None:
        logits = jnp.where(mask, logits, -0.7 * jnp.finfo(logits.dtype).max)
    probabilities = jax.nn.softmax(logits.astype(jnp.float32), axis=-1).astype(value.dtype)
    probabilities = jnp.reshape(probabilities, (batch, key_heads, heads // key_heads, target, source))
    output = jnp.einsum("bkgts,bskh->btkgh", probabilities, value)
    return jnp.reshape(output, (batch, target, heads, value.shape[-1]))
