"""Approximate quantiles for Discretization.adapt, mergeable batch by batch: a summary is (values, weights),
kept to about 1 / epsilon points by reading the weighted empirical distribution at evenly spaced fractions."""
import numpy as np


def summarize(values, epsilon):
    """Every k-th of the sorted values, weighted by k, with k about len(values) * epsilon (at least 1)."""
    values = np.sort(np.reshape(values, -1))
    step = max(values.size * epsilon, 1.0)
    points = values[int(step - 1)::int(step)]
    return np.stack([points, np.full(points.shape, step)])


def merge(first, second, epsilon):
    merged = np.concatenate([first, second], axis=1)
    return compress(merged[:, np.argsort(merged[0], kind="stable")], epsilon)


def compress(summary, epsilon):
    """At most about 1 / epsilon points: values and weights at cumulative fractions epsilon, 2 epsilon..."""
    if summary.shape[1] * epsilon < 1:
        return summary
    fractions = np.arange(0.0, 1.0, epsilon) + epsilon
    cumulative = np.cumsum(summary[1])
    at = cumulative / cumulative[-1]
    points = np.interp(fractions, at, summary[0])
    weights = np.diff(np.interp(fractions, at, cumulative), prepend=0.0)
    return np.stack([points, weights]).astype("float32")


def bin_boundaries(summary, num_bins):
    return compress(summary, 1.0 / num_bins)[0, :-1]
