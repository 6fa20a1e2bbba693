"""Circle loss (Sun et al. 2020) for metric learning on L2-normalised embeddings and integer labels."""
from kerax import ops
from kerax.losses.loss import to_float
from kerax.losses.losses import LossFunctionWrapper


def positive_negative_masks(labels, reference_labels, remove_diagonal=True):
    """(same label, different label) boolean matrices of shape (queries, references); with
    `remove_diagonal`, a query is not its own positive."""
    labels = ops.reshape(labels, (-1, 1))
    reference_labels = ops.reshape(reference_labels, (1, -1))
    positive = ops.equal(labels, reference_labels)
    negative = ops.logical_not(positive)
    if remove_diagonal:
        diagonal = ops.eye(labels.shape[0], reference_labels.shape[1], dtype="bool")
        positive = ops.logical_and(positive, ops.logical_not(diagonal))
    return positive, negative


def _masked_logsumexp(values, mask):
    return ops.logsumexp(ops.where(mask, values, float("-inf")), axis=1)


def circle(y_true, y_pred, ref_labels=None, ref_embeddings=None, remove_diagonal=True, gamma=80, margin=0.4):
    """One value per query embedding: `softplus(logsumexp(positive terms) + logsumexp(negative terms))`,
    where each similarity is weighted by how far it is from its optimum (1 + margin for negatives' cosine
    distance, -margin for positives')."""
    y_pred = to_float(y_pred)
    labels = ops.cast(y_true, "int32")
    ref_embeddings = y_pred if ref_embeddings is None else ops.convert_to_tensor(ref_embeddings, y_pred.dtype)
    ref_labels = labels if ref_labels is None else ops.cast(ref_labels, "int32")
    distances = ops.maximum(1.0 - ops.matmul(y_pred, ops.transpose(ref_embeddings)), 0.0)
    positive, negative = positive_negative_masks(labels, ref_labels, remove_diagonal)
    positive_weights = ops.maximum((margin + distances) * ops.cast(positive, distances.dtype), 0.0)
    negative_weights = ops.maximum((1.0 + margin - distances) * ops.cast(negative, distances.dtype), 0.0)
    positive_terms = -gamma * positive_weights * (margin - distances)
    negative_terms = gamma * negative_weights * (1.0 - margin - distances)
    terms = _masked_logsumexp(positive_terms, positive) + _masked_logsumexp(negative_terms, negative)
    return ops.softplus(terms)


class Circle(LossFunctionWrapper):
    """Only queries with a positive loss count in the mean (Keras masks the others out)."""

    def __init__(self, gamma=80.0, margin=0.4, remove_diagonal=True, reduction="sum_over_batch_size",
                 name="circle", dtype=None):
        super().__init__(circle, reduction=reduction, name=name, dtype=dtype, gamma=gamma, margin=margin,
                         remove_diagonal=remove_diagonal)

    def sample_mask(self, y_true, y_pred, values):
        return ops.greater(values, 0)
