"""kerax.compat.v1: TF1-era names, so `tf.compat.v1.train.AdamOptimizer` code runs as
`kerax.compat.v1.train.AdamOptimizer`."""
from kerax import distribute
from kerax.backend import ConfigProto, GPUOptions, InteractiveSession, Session
from kerax.compat.v1 import train
