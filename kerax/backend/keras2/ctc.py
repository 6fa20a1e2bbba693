"""tf.keras 2's CTC functions on softmax outputs: `K.ctc_batch_cost` and `K.ctc_decode`."""
from kerax.backend import config, engine


def _lengths(x):
    return engine.cast(engine.numpy.reshape(x, (-1,)), "int32")


def _probabilities_to_logits(y_pred):
    # log(p + eps) as tf.keras does: CTC's log-softmax turns it back into (nearly) log p.
    y_pred = engine.convert_to_tensor(y_pred)
    return engine.numpy.log(y_pred + config.epsilon())


def ctc_batch_cost(y_true, y_pred, input_length, label_length):
    """CTC loss of each sample, `(samples, 1)`.

    y_true: `(samples, max_string_length)` labels; y_pred: `(samples, time_steps, num_categories)` softmax
    output, whose last category is the blank; input_length, label_length: `(samples, 1)`.
    """
    logits = _probabilities_to_logits(y_pred)
    loss = engine.nn.ctc_loss(engine.cast(engine.convert_to_tensor(y_true), "int32"), logits,
                               _lengths(label_length), _lengths(input_length), mask_index=logits.shape[-1] - 1)
    return engine.numpy.expand_dims(loss, 1)


def ctc_decode(y_pred, input_length, greedy=True, beam_width=100, top_paths=1):
    """Decodes softmax output `(samples, time_steps, num_categories)` (blank = last category).

    Returns `(decoded, log_probabilities)`: a list of `top_paths` label tensors `(samples, time_steps)`
    padded with -1, and `(samples, 1)` negated greedy path sums or `(samples, top_paths)` beam
    log-probabilities. As TensorFlow's beam-search decoder does here (its `merge_repeated=True`), a run of
    equal labels in a beam's labelling is emitted once: the labelling `A B B` decodes to `A B`.
    """
    logits = _probabilities_to_logits(y_pred)
    decoded, log_probabilities = engine.nn.ctc_decode(
        logits, _lengths(input_length), strategy="greedy" if greedy else "beam_search", beam_width=beam_width,
        top_paths=1 if greedy else top_paths, mask_index=logits.shape[-1] - 1,
    )
    paths = [decoded[i] for i in range(decoded.shape[0])]
    return (paths if greedy else [_merge_runs(path) for path in paths]), log_probabilities


def _merge_runs(labels):
    """`(samples, time)` labels padded with -1: each run of equal labels kept once, packed to the left."""
    np_ = engine.numpy
    previous = np_.concatenate([np_.full_like(labels[:, :1], -1), labels[:, :-1]], axis=1)
    keep = np_.logical_and(np_.not_equal(labels, previous), np_.greater_equal(labels, 0))
    order = np_.argsort(np_.logical_not(keep), axis=1)  # a stable sort, as the engine's argsort is
    packed = np_.take_along_axis(labels, order, axis=1)
    count = np_.sum(keep, axis=1, keepdims=True)
    return np_.where(np_.less(np_.arange(labels.shape[1])[None, :], count), packed, -1)
