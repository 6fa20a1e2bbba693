"""RandomHeight (tf.keras 2): while training, the batch's height scaled by 1 + a factor drawn from `factor`
(one number f means [-f, f]); the width is kept. Identity at inference."""
from kerax.layers.preprocessing.image.random_side_resize import RandomSideResize


class RandomHeight(RandomSideResize):
    _AXIS, _SIDE = 1, "height"
