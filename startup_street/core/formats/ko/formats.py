# Korean writes the half of the day before the time (오후 6:00), never after it (6:00 오후);
# Django's own Korean DATETIME_FORMAT puts it after. Only what differs from Django is here.
DATETIME_FORMAT = "Y년 n월 j일 A g:i"
