"""The desktop GUI (PySide6 + pyqtgraph): the only package that imports Qt.

Views are layout; controllers call the same services as the CLI; no business rules here.
"""
