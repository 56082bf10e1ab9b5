"""Attribution: who says what, through whom (the ``attribution`` component and its passes)."""
