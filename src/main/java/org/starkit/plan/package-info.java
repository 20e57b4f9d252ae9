/**
 * Planning for organizers. In: the curriculum and its rendered pages. Out: the immutable
 * {@link org.starkit.plan.Catalog}: lessons in teaching order with the shortest time commitment that
 * fits each with its prerequisites, kits with schedules (clock times and breaks), events and tags.
 * Work per lesson is bounded, so planning grows linearly with the curriculum.
 */
package org.starkit.plan;
