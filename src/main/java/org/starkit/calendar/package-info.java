/**
 * Calendar files for events. In: planned events with their schedules. Out: iCalendar files.
 */
package org.starkit.calendar;
