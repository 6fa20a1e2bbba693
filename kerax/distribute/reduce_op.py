"""ReduceOp: how `Strategy.reduce` combines values."""
import enum


class ReduceOp(enum.Enum):
    SUM = "SUM"
    MEAN = "MEAN"
