package org.starkit.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.starkit.diagnostic.Diagnostic;
import org.starkit.diagnostic.Suggester;
import org.starkit.model.Event;
import org.starkit.model.Kit;

/** Puts each event's kit on the event's dates, rescheduling it when the event starts at another time. */
public final class EventPlanner {
  private final Map<String, Kit> kits;
  private final Map<String, KitPlan> plans;
  private final KitPlanner planner;

  public EventPlanner(Map<String, Kit> kits, Map<String, KitPlan> plans, KitPlanner planner) {
    this.kits = kits;
    this.plans = plans;
    this.planner = planner;
  }

  public record Result(List<EventPlan> events, List<Diagnostic> diagnostics) {}

  public Result plan(List<Event> events) {
    List<EventPlan> out = new ArrayList<>();
    List<Diagnostic> problems = new ArrayList<>();
    for (Event e : events) {
      KitPlan plan = plans.get(e.kit().id());
      if (plan == null) {
        if (!kits.containsKey(e.kit().id())) {
          problems.add(Diagnostic.error(e.path(), e.kit().line(), e.kit().column(), "unknown-kit",
              "'" + e.kit().id() + "' is not a kit." + Suggester.didYouMean(e.kit().id(), kits.keySet()),
              "An event names a kit by its file name under kits/ without '.yml'."));
        }
        continue;
      }
      if (e.start().isPresent() && !e.start().get().equals(plan.kit().start())) {
        Kit k = plan.kit();
        Kit moved = new Kit(k.id(), k.path(), k.title(), k.summary(), k.level(), k.format(), k.audience(), k.sessions(),
            k.sessionsDeclared(), k.assumes(), e.start().get(), k.breaks(), k.learnersPerCoach(), k.capacity(), k.mode(),
            k.badge(), k.notes(), k.lessonsKey());
        Optional<KitPlan> replanned = planner.plan(moved).plan();
        plan = replanned.orElse(plan);
      }
      out.add(new EventPlan(e, plan));
    }
    return new Result(out, problems);
  }
}
