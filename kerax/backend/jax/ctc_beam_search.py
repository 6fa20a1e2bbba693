"""CTC prefix beam search. (JAX)

Each beam is a label prefix with two log-probabilities: of the frames so far ending in a blank (`blank`) and
ending in the prefix's last label (`label`). A frame either keeps a prefix (blank, or a repeat merged into
the last label) or extends it by one label. An extension that recreates another beam's prefix is added to
that beam, so beams stay distinct. Empty beam slots hold -inf and never absorb probability.
"""
import functools

import jax
import jax.numpy as jnp

_NEG_INF = -jnp.inf


def _is_extension(prefix, length):
    """[k, j]: beam j's prefix is beam k's prefix plus one label."""
    positions = jnp.arange(prefix.shape[1])
    same = (prefix[:, None, :] == prefix[None, :, :]) | (positions >= length[:, None])[:, None, :]
    return jnp.all(same, axis=-1) & (length[None, :] == length[:, None] + 1)


def _step(state, frame, labels, merge_repeated, mask_index):
    prefix, length, last, blank, label = state
    log_probs, active = frame
    beams, vocab = blank.shape[0], labels.shape[0]
    total = jnp.logaddexp(blank, label)
    keep_blank = total + log_probs[mask_index]
    repeat = label + log_probs[jnp.maximum(last, 0)] if merge_repeated else jnp.full_like(label, _NEG_INF)
    keep_label = jnp.where(last >= 0, repeat, _NEG_INF)
    # A repeated label only extends a prefix through a blank (when repeats merge).
    same_as_last = (labels[None, :] == last[:, None]) & merge_repeated
    extend = jnp.where(same_as_last, blank[:, None], total[:, None]) + log_probs[labels][None, :]
    # merges[k, j, v]: extending beam k by labels[v] gives live beam j.
    live = jnp.isfinite(total)
    merges = (_is_extension(prefix, length)[:, :, None] & (labels[None, None, :] == last[None, :, None])
              & live[None, :, None])
    merged = jax.nn.logsumexp(jnp.where(merges, extend[:, None, :], _NEG_INF), axis=(0, 2))
    keep_label = jnp.logaddexp(keep_label, merged)
    extend = jnp.where(jnp.any(merges, axis=1), _NEG_INF, extend)

    scores = jnp.concatenate([jnp.logaddexp(keep_blank, keep_label), extend.reshape(-1)])
    _, chosen = jax.lax.top_k(scores, beams)
    is_new = chosen >= beams
    parent = jnp.where(is_new, (chosen - beams) // vocab, chosen)
    new_label = labels[jnp.where(is_new, (chosen - beams) % vocab, 0)]
    grown = jnp.arange(prefix.shape[1])[None, :] == length[parent][:, None]
    new_state = (
        jnp.where(is_new[:, None] & grown, new_label[:, None], prefix[parent]),
        length[parent] + is_new,
        jnp.where(is_new, new_label, last[parent]),
        jnp.where(is_new, _NEG_INF, keep_blank[parent]),
        jnp.where(is_new, extend.reshape(-1)[jnp.maximum(chosen - beams, 0)], keep_label[parent]),
    )
    return jax.tree_util.tree_map(lambda new, old: jnp.where(active, new, old), new_state, state), None


def _decode_one(log_probs, length, beam_width, top_paths, merge_repeated, mask_index):
    max_time, num_classes = log_probs.shape
    labels = jnp.array([c for c in range(num_classes) if c != mask_index], jnp.int32)
    state = (
        jnp.full((beam_width, max_time), -1, jnp.int32),
        jnp.zeros((beam_width,), jnp.int32),
        jnp.full((beam_width,), -1, jnp.int32),
        jnp.full((beam_width,), _NEG_INF, log_probs.dtype).at[0].set(0.0),
        jnp.full((beam_width,), _NEG_INF, log_probs.dtype),
    )
    step = functools.partial(_step, labels=labels, merge_repeated=merge_repeated, mask_index=mask_index)
    (prefix, _, _, blank, label), _ = jax.lax.scan(step, state, (log_probs, jnp.arange(max_time) < length))
    scores, best = jax.lax.top_k(jnp.logaddexp(blank, label), top_paths)
    return prefix[best], scores


@functools.partial(jax.jit, static_argnames=("beam_width", "top_paths", "merge_repeated", "mask_index"))
def decode(log_probs, lengths, beam_width, top_paths, merge_repeated, mask_index):
    """(paths `(top_paths, batch, max_time)` padded with -1, log-probabilities `(batch, top_paths)`)."""
    paths, scores = jax.vmap(
        functools.partial(_decode_one, beam_width=beam_width, top_paths=top_paths,
                          merge_repeated=merge_repeated, mask_index=mask_index)
    )(log_probs, lengths)
    return jnp.swapaxes(paths, 0, 1), scores
