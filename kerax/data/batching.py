"""batch and unbatch. Batching takes chunks from the step below when it can (one slice or index
array over whole arrays per batch) and stacks element by element only when it must."""
from kerax.data import structure
from kerax.data.node import Node
from kerax import tree


def rebatch(chunks, size, drop_remainder):
    """Cuts chunks of any number of rows into batches of `size` rows (the last may be shorter)."""
    pending, have = [], 0
    for chunk in chunks:
        n, start = structure.rows(chunk), 0
        while start < n:
            if not pending and n - start >= size:  # a whole batch inside this chunk: a view, no copy
                whole = (start, n) == (0, size)
                yield chunk if whole else structure.take_rows(chunk, slice(start, start + size))
                start += size
                continue
            take = min(size - have, n - start)
            pending.append(structure.take_rows(chunk, slice(start, start + take)))
            have, start = have + take, start + take
            if have == size:
                yield structure.concat(pending)
                pending, have = [], 0
    if pending and not drop_remainder:
        yield structure.concat(pending)


def groups(elements, size, drop_remainder):
    group = []
    for element in elements:
        group.append(element)
        if len(group) == size:
            yield group
            group = []
    if group and not drop_remainder:
        yield group


def batched_cardinality(n, size, drop_remainder):
    if n < 0:
        return n
    return n // size if drop_remainder else -(-n // size)


def _check_size(batch_size):
    if int(batch_size) < 1:
        raise ValueError(f"batch_size must be a positive integer, got {batch_size}.")
    return int(batch_size)


class Batch(Node):
    def __init__(self, child, batch_size, drop_remainder):
        self.child, self.size, self.drop_remainder = child, _check_size(batch_size), bool(drop_remainder)

    def iterate(self):
        chunks = self.child.chunks(self.size)
        if chunks is not None:
            return rebatch(chunks, self.size, self.drop_remainder)
        return map(structure.stack, groups(self.child.iterate(), self.size, self.drop_remainder))

    def cardinality(self):
        return batched_cardinality(self.child.cardinality(), self.size, self.drop_remainder)

    def spec(self):
        leading = self.size if self.drop_remainder else None
        return tree.map_structure(lambda s: s.with_leading(leading), self.child.spec())


class Unbatch(Node):
    def __init__(self, child):
        self.child = child

    def chunks(self, size):
        return map(_check_batched, self.child.iterate())

    def spec(self):
        return tree.map_structure(lambda s: s.without_leading(), self.child.spec())


def _check_batched(element):
    leaves = tree.flatten(element)
    if any(leaf.ndim == 0 for leaf in leaves) or len({leaf.shape[0] for leaf in leaves}) > 1:
        raise ValueError(
            "unbatch needs every component to have the same first dimension; got shapes "
            f"{[leaf.shape for leaf in leaves]}."
        )
    return element
