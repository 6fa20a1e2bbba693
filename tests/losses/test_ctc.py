"""CTC loss and decoding against brute force over every alignment of tiny sequences, a NumPy forward
algorithm, and numbers recorded from tf_keras 2.21."""
import itertools
import os

import numpy as np
import pytest

import kerax
from kerax import backend as K
from kerax import layers, ops
from kerax.losses.ctc import CTC, ctc


def collapse(path, blank, merge_repeated=True):
    out, previous = [], None
    for c in path:
        if c != blank and (c != previous or not merge_repeated):
            out.append(int(c))
        previous = c
    return tuple(out)


def labelling_probabilities(probs, blank):
    """{labelling: probability} summed over all C**T frame paths of one sample `probs` (T, C)."""
    totals = {}
    for path in itertools.product(range(probs.shape[1]), repeat=probs.shape[0]):
        p = np.prod(probs[np.arange(len(path)), path])
        key = collapse(path, blank)
        totals[key] = totals.get(key, 0.0) + p
    return totals


def softmax(x):
    e = np.exp(x - x.max(-1, keepdims=True))
    return e / e.sum(-1, keepdims=True)


def np_ctc_loss(logits, labels, label_lengths, time_lengths, blank):
    return np.array([
        -np.log(labelling_probabilities(softmax(logits[b, :t].astype("float64")), blank)
                .get(tuple(labels[b, :n]), 0.0))
        for b, (n, t) in enumerate(zip(label_lengths, time_lengths))
    ])


# Sample 1 repeats a label (it needs a blank between); padding past each label length holds junk.
LABELS = np.array([[1, 2], [2, 2], [1, 7], [9, 9]])
LABEL_LENGTHS = np.array([2, 2, 1, 0])
TIME_LENGTHS = np.array([4, 3, 2, 3])


def test_ctc_loss_matches_brute_force_with_ragged_lengths(rng):
    logits = rng.normal(size=(4, 4, 3)).astype("float32")
    loss = ops.ctc_loss(LABELS, logits, LABEL_LENGTHS, TIME_LENGTHS, mask_index=0)
    expected = np_ctc_loss(logits, LABELS, LABEL_LENGTHS, TIME_LENGTHS, blank=0)
    np.testing.assert_allclose(np.asarray(loss), expected, rtol=1e-5)


def test_ctc_loss_gradient_matches_finite_differences(rng):
    logits = rng.normal(size=(2, 3, 3))
    labels, label_lengths, time_lengths = np.array([[1, 1], [2, 0]]), np.array([2, 1]), np.array([3, 2])

    def total(x):
        return ops.sum(ops.ctc_loss(labels, x, label_lengths, time_lengths, mask_index=0))

    _, grad = K.value_and_grad(total)(ops.convert_to_tensor(logits, "float32"))
    h, numeric = 1e-5, np.zeros_like(logits)
    def reference(x):
        return np_ctc_loss(x, labels, label_lengths, time_lengths, blank=0).sum()

    for index in np.ndindex(logits.shape):
        step = np.zeros_like(logits)
        step[index] = h
        numeric[index] = (reference(logits + step) - reference(logits - step)) / (2 * h)
    np.testing.assert_allclose(np.asarray(grad), numeric, atol=2e-4)
    assert not np.any(numeric[1, 2]) and not np.any(np.asarray(grad)[1, 2])  # frames past the length


def test_ctc_batch_cost_tf_keras_semantics(rng):
    """Softmax probabilities in, blank = last class, (samples, 1) out."""
    probs = softmax(rng.normal(size=(3, 4, 3))).astype("float32")
    y_true = np.array([[0, 1], [1, 1], [0, 2]])
    label_length, input_length = np.array([[2], [2], [1]]), np.array([[4], [3], [2]])
    loss = K.ctc_batch_cost(y_true, probs, input_length, label_length)
    assert loss.shape == (3, 1)
    expected = np_ctc_loss(np.log(probs), y_true, label_length[:, 0], input_length[:, 0], blank=2)
    np.testing.assert_allclose(np.asarray(loss)[:, 0], expected, rtol=1e-4)


def test_keras3_ctc_loss_class_pads_with_blank_zero(rng):
    logits = rng.normal(size=(3, 4, 3)).astype("float32")
    y_true = np.array([[1, 2], [2, 0], [0, 0]])
    expected = np_ctc_loss(logits, y_true, np.array([2, 1, 0]), np.array([4, 4, 4]), blank=0)
    np.testing.assert_allclose(CTC(reduction="none")(y_true, logits), expected, rtol=1e-5)
    np.testing.assert_allclose(CTC()(y_true, logits), expected.mean(), rtol=1e-5)
    assert CTC().get_config() == {"name": "ctc", "reduction": "sum_over_batch_size"}
    with pytest.raises(ValueError, match=r"y_true.shape=\(3,\)"):
        ctc(np.zeros(3), logits)


@pytest.mark.parametrize("merge_repeated", [True, False])
def test_greedy_decode_matches_numpy(rng, merge_repeated):
    logits = rng.normal(size=(3, 8, 3)).astype("float32")
    logits[0, 2:5, 1] += 5.0  # a run of one label, so merging matters
    lengths = np.array([8, 5, 0])
    decoded, scores = ops.ctc_decode(logits, lengths, merge_repeated=merge_repeated, mask_index=0)
    assert decoded.shape == (1, 3, 8)
    log_probs = np.log(softmax(logits.astype("float64")))
    for b, t in enumerate(lengths):
        labels = collapse(log_probs[b, :t].argmax(-1), blank=0, merge_repeated=merge_repeated)
        assert list(np.asarray(decoded)[0, b]) == list(labels) + [-1] * (8 - len(labels))
        np.testing.assert_allclose(scores[b, 0], -log_probs[b, :t].max(-1).sum(), rtol=1e-5, atol=1e-6)


def best_labellings(probs, blank, count):
    ranked = sorted(labelling_probabilities(probs, blank).items(), key=lambda kv: -kv[1])
    return ranked[:count]


def test_beam_search_finds_what_greedy_misses():
    # Greedy picks blank twice (0.36); the single label 'a' sums three paths (0.64).
    probs = np.array([[[0.6, 0.4], [0.6, 0.4]]], "float32")
    greedy, _ = ops.ctc_decode(np.log(probs), [2], mask_index=0)
    beam, scores = ops.ctc_decode(np.log(probs), [2], strategy="beam_search", beam_width=4, top_paths=2,
                                  mask_index=0)
    assert np.asarray(greedy)[0, 0].tolist() == [-1, -1]
    assert np.asarray(beam)[:, 0].tolist() == [[1, -1], [-1, -1]]
    np.testing.assert_allclose(np.exp(scores), [[0.64, 0.36]], rtol=1e-5)


def test_beam_search_top_paths_match_brute_force(rng):
    logits = rng.normal(size=(2, 4, 3)).astype("float32") * 2
    lengths = np.array([4, 3])
    decoded, scores = ops.ctc_decode(logits, lengths, strategy="beam_search", top_paths=3, mask_index=0)
    assert decoded.shape == (3, 2, 4) and scores.shape == (2, 3)
    for b, t in enumerate(lengths):
        expected = best_labellings(softmax(logits[b, :t].astype("float64")), 0, 3)
        for k, (labels, p) in enumerate(expected):
            assert np.asarray(decoded)[k, b].tolist() == list(labels) + [-1] * (4 - len(labels))
            np.testing.assert_allclose(scores[b, k], np.log(p), rtol=1e-5)


def test_backend_ctc_decode_tf_keras_semantics(rng):
    probs = softmax(rng.normal(size=(2, 4, 3)) * 2).astype("float32")
    decoded, log_prob = K.ctc_decode(probs, np.array([4, 3]), greedy=False, beam_width=10, top_paths=2)
    assert isinstance(decoded, list) and len(decoded) == 2 and decoded[0].shape == (2, 4)
    for b, t in enumerate([4, 3]):
        for k, (labels, p) in enumerate(best_labellings(probs[b, :t].astype("float64"), 2, 2)):
            labels = collapse(labels, blank=-1)  # TF's decoder emits a run of equal labels once
            assert np.asarray(decoded[k])[b].tolist() == list(labels) + [-1] * (4 - len(labels))
            np.testing.assert_allclose(log_prob[b, k], np.log(p), rtol=1e-4)
    greedy, neg_sum = K.ctc_decode(probs, np.array([[4], [3]]))
    assert len(greedy) == 1 and neg_sum.shape == (2, 1)
    labels = collapse(probs[0].argmax(-1), blank=2)
    assert np.asarray(greedy[0])[0].tolist() == list(labels) + [-1] * (4 - len(labels))


def np_forward_ctc_loss(log_probs, labels, blank):
    """-log p(labels) by the CTC forward algorithm over the extended sequence (blank, l1, blank, ...)."""
    extended = [blank]
    for label in labels:
        extended += [label, blank]
    alpha = np.full(len(extended), -np.inf)
    alpha[:2] = log_probs[0, extended[:2]]
    for t in range(1, len(log_probs)):
        previous = alpha.copy()
        for s, label in enumerate(extended):
            total = np.logaddexp(previous[s], previous[s - 1]) if s else previous[s]
            if s > 1 and label != blank and label != extended[s - 2]:  # equal labels need a blank between
                total = np.logaddexp(total, previous[s - 2])
            alpha[s] = total + log_probs[t, label]
    return -np.logaddexp(alpha[-1], alpha[-2]) if labels else -alpha[-1]


# tf_keras 2.21's K.ctc_batch_cost / K.ctc_decode on fixed probabilities (keras_files/make_layer_fixtures.py).
TF_KERAS = np.load(os.path.join(os.path.dirname(__file__), "..", "saving", "keras_files", "ctc.npz"))


def test_ctc_batch_cost_with_repeated_labels_matches_tf_keras_and_the_forward_algorithm():
    probs = TF_KERAS["probs"]  # 4 classes, blank = 3
    labels, label_length, input_length = TF_KERAS["labels"], [[3], [3]], [[7], [6]]  # [2, 2, 2], [0, 1, 1]
    loss = np.asarray(K.ctc_batch_cost(labels, probs, np.array(input_length), np.array(label_length)))[:, 0]
    np.testing.assert_allclose(loss, TF_KERAS["loss"], rtol=1e-5)
    log_probs = np.log(probs.astype("float64") + 1e-7)
    log_probs -= np.log(np.exp(log_probs).sum(-1, keepdims=True))
    expected = [np_forward_ctc_loss(log_probs[0], [2, 2, 2], 3),
                np_forward_ctc_loss(log_probs[1, :6], [0, 1, 1], 3)]
    np.testing.assert_allclose(loss, expected, rtol=1e-5)


def test_forward_algorithm_agrees_with_brute_force_so_it_can_judge_longer_sequences(rng):
    logits = rng.normal(size=(5, 3))
    log_probs = np.log(softmax(logits))
    for labels in ([1, 1], [1, 1, 1], [2, 1, 1], []):
        brute = labelling_probabilities(np.exp(log_probs), 0).get(tuple(labels), 0.0)
        np.testing.assert_allclose(np_forward_ctc_loss(log_probs, labels, 0), -np.log(brute), rtol=1e-10)
        loss = ops.ctc_loss(np.array([labels + [0] * (3 - len(labels))]), logits[None].astype("float32"),
                            np.array([len(labels)]), np.array([5]), mask_index=0)
        np.testing.assert_allclose(np.asarray(loss), [-np.log(brute)], rtol=1e-5)


@pytest.mark.parametrize("label", [3, 4, -1])
def test_a_label_that_is_the_blank_or_no_class_is_an_error_naming_it(label):
    probs = TF_KERAS["probs"]  # a label of 3 is the blank: no CTC probability exists for it
    with pytest.raises(ValueError, match=f"CTC received the label {label}: labels must be classes in "
                                         r"\[0, 4\) other than the blank class 3"):
        K.ctc_batch_cost(np.array([[1, label], [0, 1]]), probs, np.array([[7], [6]]), np.array([[2], [2]]))
    # Past label_length it is padding, and no error.
    K.ctc_batch_cost(np.array([[1, label], [0, 1]]), probs, np.array([[7], [6]]), np.array([[1], [2]]))


def test_tf_keras_beam_search_decode_emits_runs_once_as_tensorflow_does():
    decoded, log_prob = K.ctc_decode(TF_KERAS["probs"], np.array([7, 6]), greedy=False, beam_width=16,
                                      top_paths=2)
    # TensorFlow's decoder (merge_repeated=True) emits a run of equal labels in a beam once.
    np.testing.assert_array_equal(np.stack([np.asarray(d) for d in decoded]), TF_KERAS["decoded"])
    np.testing.assert_allclose(log_prob, TF_KERAS["log_prob"], rtol=1e-5)


def test_decode_rejects_bad_arguments():
    with pytest.raises(ValueError, match="Invalid `strategy` 'best'"):
        ops.ctc_decode(np.zeros((1, 2, 3)), [2], strategy="best")
    with pytest.raises(ValueError, match="top_paths=5, beam_width=2"):
        ops.ctc_decode(np.zeros((1, 2, 3)), [2], strategy="beam_search", beam_width=2, top_paths=5)


def test_seed_pattern_ctc_in_lambda_layer_trains(rng):
    """The tf.keras OCR recipe: the loss is a Lambda output, compiled with a dummy loss."""
    time_steps, features, num_classes, max_len, n = 6, 5, 4, 3, 8

    def ctc_lambda_func(args):
        y_pred, labels, input_length, label_length = args
        return K.ctc_batch_cost(labels, y_pred, input_length, label_length)

    input_data = kerax.Input(name="the_input", shape=(time_steps, features))
    y_pred = layers.Dense(num_classes, activation="softmax", name="softmax")(input_data)
    labels = kerax.Input(name="the_labels", shape=(max_len,), dtype="float32")
    input_length = kerax.Input(name="input_length", shape=(1,), dtype="int64")
    label_length = kerax.Input(name="label_length", shape=(1,), dtype="int64")
    loss_out = layers.Lambda(ctc_lambda_func, output_shape=(1,), name="ctc")(
        [y_pred, labels, input_length, label_length])
    model = kerax.Model(inputs=[input_data, labels, input_length, label_length], outputs=loss_out)
    model.compile(loss={"ctc": lambda y_true, y_pred: y_pred}, optimizer="sgd")

    inputs = {
        "the_input": rng.normal(size=(n, time_steps, features)).astype("float32"),
        "the_labels": rng.integers(0, num_classes - 1, size=(n, max_len)).astype("float32"),
        "input_length": np.full((n, 1), time_steps),
        "label_length": rng.integers(1, max_len + 1, size=(n, 1)),
    }
    history = model.fit(inputs, np.zeros(n), batch_size=4, epochs=1, verbose=0)
    assert np.isfinite(history.history["loss"][0])
    kernel, bias = model.get_layer("softmax").get_weights()
    per_sample = np.asarray(model.predict(inputs, verbose=0))[:, 0]
    probs = softmax(inputs["the_input"] @ kernel + bias)
    expected = np_ctc_loss(np.log(probs), inputs["the_labels"].astype(int), inputs["label_length"][:, 0],
                           inputs["input_length"][:, 0], blank=num_classes - 1)
    np.testing.assert_allclose(per_sample, expected, rtol=1e-4)
