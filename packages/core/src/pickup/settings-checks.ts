// The checks on pickup settings that a schema cannot express: hours that close after they open,
// no overlapping hours on one weekday, one exception per real date with hours when not closed.
import type { PickupRules } from './slots';
import { isCalendarDate, wallMinutes } from './wall-clock';

/** A problem with one field of the settings, named as in the request body (`weeklyHours[2].closes`). */
export interface SettingsFieldError {
  field: string;
  message: string;
}

/** Every field error of the settings; empty when they are consistent. */
export function checkPickupRules(rules: PickupRules): SettingsFieldError[] {
  return [...checkWeeklyHours(rules.weeklyHours), ...checkExceptions(rules.exceptions)];
}

function checkWeeklyHours(hours: PickupRules['weeklyHours']): SettingsFieldError[] {
  const errors: SettingsFieldError[] = [];
  hours.forEach((h, i) => {
    if (wallMinutes(h.closes) <= wallMinutes(h.opens)) {
      errors.push({ field: `weeklyHours[${i}].closes`, message: 'Must be after the opening time' });
      return;
    }
    const overlapping = hours.findIndex(
      (other, j) =>
        j < i &&
        other.weekday === h.weekday &&
        wallMinutes(other.closes) > wallMinutes(other.opens) &&
        wallMinutes(h.opens) < wallMinutes(other.closes) &&
        wallMinutes(other.opens) < wallMinutes(h.closes),
    );
    if (overlapping >= 0) {
      errors.push({
        field: `weeklyHours[${i}].opens`,
        message: `Overlaps weeklyHours[${overlapping}] on the same weekday`,
      });
    }
  });
  return errors;
}

function checkExceptions(exceptions: PickupRules['exceptions']): SettingsFieldError[] {
  const errors: SettingsFieldError[] = [];
  exceptions.forEach((e, i) => {
    const at = `exceptions[${i}]`;
    if (!isCalendarDate(e.date)) errors.push({ field: `${at}.date`, message: 'Not a calendar date' });
    else if (exceptions.findIndex((other) => other.date === e.date) < i) {
      errors.push({ field: `${at}.date`, message: 'Another exception has this date' });
    }
    if (e.closed) return;
    if (!e.opens)
      errors.push({ field: `${at}.opens`, message: 'Give the opening time, or mark the day closed' });
    if (!e.closes)
      errors.push({ field: `${at}.closes`, message: 'Give the closing time, or mark the day closed' });
    if (e.opens && e.closes && wallMinutes(e.closes) <= wallMinutes(e.opens)) {
      errors.push({ field: `${at}.closes`, message: 'Must be after the opening time' });
    }
  });
  return errors;
}
