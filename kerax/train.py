"""`kerax.train`: the short spelling of TF1's `tf.train` optimizers (`kerax.train.AdamOptimizer(0.001)`)."""
from kerax.compat.v1.train import (
    AdadeltaOptimizer, AdagradOptimizer, AdamOptimizer, FtrlOptimizer, GradientDescentOptimizer,
    MomentumOptimizer, RMSPropOptimizer,
)

__all__ = [
    "AdadeltaOptimizer", "AdagradOptimizer", "AdamOptimizer", "FtrlOptimizer", "GradientDescentOptimizer",
    "MomentumOptimizer", "RMSPropOptimizer",
]
