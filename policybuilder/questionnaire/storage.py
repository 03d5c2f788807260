"""The wizard's state in the session, saved only when it changes.

formtools' SessionStorage marks the session changed whenever it is read, so every page looked at
with a session saved that session again (three of a step GET's five queries on SQLite). Here only a
change marks it: another page shown (the wizard's current step), a page's data, the extra data.
"""

from typing import Any

from formtools.wizard.storage.session import SessionStorage


class ChangedOnlySessionStorage(SessionStorage):
    def _get_data(self) -> Any:
        return self.request.session[self.prefix]

    data = property(_get_data, SessionStorage._set_data)  # the parent's property holds the parent's getter

    def _changed(self) -> None:
        self.request.session.modified = True

    def _set_current_step(self, step: str | None) -> None:
        if step != self.data[self.step_key]:
            super()._set_current_step(step)
            self._changed()

    def _set_extra_data(self, extra_data: dict[str, Any]) -> None:
        if extra_data != self.data[self.extra_data_key]:
            super()._set_extra_data(extra_data)
            self._changed()

    def set_step_data(self, step: str, cleaned_data: Any) -> None:
        super().set_step_data(step, cleaned_data)
        self._changed()

    def set_step_files(self, step: str, files: Any) -> None:
        super().set_step_files(step, files)
        self._changed()
