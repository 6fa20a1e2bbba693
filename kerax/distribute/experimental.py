"""tf.distribute.experimental: TF 2.0-2.3 spellings."""
from kerax.distribute.communication_options import CommunicationOptions
from kerax.distribute.multi_worker_mirrored_strategy import MultiWorkerMirroredStrategy

__all__ = ["CommunicationOptions", "MultiWorkerMirroredStrategy"]
