from kerax.layers.merging.add import Add, add
from kerax.layers.merging.average import Average, average
from kerax.layers.merging.base_merge import Merge
from kerax.layers.merging.concatenate import Concatenate, concatenate
from kerax.layers.merging.dot import Dot, dot
from kerax.layers.merging.maximum import Maximum, maximum
from kerax.layers.merging.minimum import Minimum, minimum
from kerax.layers.merging.multiply import Multiply, multiply
from kerax.layers.merging.subtract import Subtract, subtract
