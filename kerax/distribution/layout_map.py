"""LayoutMap: variable paths (regular expressions) -> TensorLayout, for ModelParallel."""
import collections.abc
import re

from kerax.distribution.tensor_layout import TensorLayout


class LayoutMap(collections.abc.MutableMapping):
    """A dict whose keys are regular expressions searched in a variable's path (e.g. `'dense.*kernel'`
    matches 'dense_1/kernel'); an exact key wins. Values are TensorLayouts or tuples of axis names."""

    def __init__(self, device_mesh=None):
        self._layouts = collections.OrderedDict()
        self._device_mesh = device_mesh

    @property
    def device_mesh(self):
        return self._device_mesh

    def __getitem__(self, key):
        """The layout for `key`, or None when no key matches; a path matched by two keys is an error."""
        if key in self._layouts:
            return self._layouts[key]
        matching = [pattern for pattern in self._layouts if re.search(pattern, key)]
        if len(matching) > 1:
            raise ValueError(
                f"Path '{key}' matches multiple layout specification keys: {matching}. Please make sure each "
                "tensor/variable path only matches at most one layout specification key in the LayoutMap."
            )
        return self._layouts[matching[0]] if matching else None

    get = __getitem__

    def __setitem__(self, key, layout):
        if key in self._layouts:
            raise ValueError(f"{key} already exist in the LayoutMap with value {self._layouts[key]}. Please "
                             "make sure to not use duplicated keys.")
        if isinstance(layout, (tuple, list)):
            layout = TensorLayout(layout)
        if not isinstance(layout, TensorLayout):
            raise ValueError(f"{layout} should be a TensorLayout type, got {type(layout)}")
        if layout.device_mesh is None and self._device_mesh is not None:
            layout.device_mesh = self._device_mesh
        self._layouts[key] = layout

    def __delitem__(self, key):
        del self._layouts[key]

    def __len__(self):
        return len(self._layouts)

    def __iter__(self):
        return iter(self._layouts)
