"""kerax.preprocessing: tf.keras's `preprocessing.sequence` and `preprocessing.text` utilities."""
from kerax.preprocessing import sequence, text
