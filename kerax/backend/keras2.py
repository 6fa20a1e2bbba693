"""tf.keras's backend functions (`from keras import backend as K`) that compute, written on the engine's
names only, so that `kerax.backend` imports nothing above the engine."""
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
    log-probabilities.
    """
    logits = _probabilities_to_logits(y_pred)
    decoded, log_probabilities = engine.nn.ctc_decode(
        logits, _lengths(input_length), strategy="greedy" if greedy else "beam_search", beam_width=beam_width,
        top_paths=1 if greedy else top_paths, mask_index=logits.shape[-1] - 1,
    )
    return [decoded[i] for i in range(decoded.shape[0])], log_probabilities
