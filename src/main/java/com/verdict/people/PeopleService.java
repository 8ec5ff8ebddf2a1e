package com.verdict.people;

import com.verdict.base.AfterCommit;
import com.verdict.base.ApiException;
import com.verdict.base.AuditLog;
import com.verdict.base.StoredText;
import jakarta.validation.Valid;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/** Users and teams: the people feature's API. */
@Service
@Validated
@Transactional(readOnly = true)
public class PeopleService {

    private final UserAccountRepository users;
    private final TeamRepository teams;
    private final PasswordEncoder passwordEncoder;
    private final AuditLog audit;
    private final NamedParameterJdbcTemplate jdbc;
    private final AccountDetailsService accounts;
    private final ApplicationEventPublisher events;

    PeopleService(UserAccountRepository users, TeamRepository teams, PasswordEncoder passwordEncoder,
            AuditLog audit, NamedParameterJdbcTemplate jdbc, AccountDetailsService accounts,
            ApplicationEventPublisher events) {
        this.users = users;
        this.teams = teams;
        this.passwordEncoder = passwordEncoder;
        this.audit = audit;
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.events = events;
    }

    public boolean hasUsers() {
        return users.count() > 0;
    }

    /** Creates a user, and their team if it is new. A taken username is a 409. */
    @Transactional
    public Person create(@Valid NewUser user) {
        // Names that differ only in case would be two accounts that read as one on every board.
        List<String> taken = users.findUsernamesIgnoringCase(user.username());
        if (!taken.isEmpty()) {
            throw new ApiException(HttpStatus.CONFLICT, "Username already taken: " + taken.get(0));
        }
        UserAccount account = new UserAccount(user.username(), user.displayName().strip(), teamNamed(user.team()),
                roles(user.roles()), passwordEncoder.encode(user.password()));
        Person created = users.save(account).toPerson();
        signInsReadAgain(created.username());
        audit.record("user.created", created.username() + " " + created.roles() + " team=" + created.team());
        return created;
    }

    @Transactional
    public Person update(long id, String displayName, String team, Set<Role> roles, boolean enabled) {
        if (displayName == null || displayName.isBlank()) {
            throw ApiException.badRequest("Invalid user", List.of("displayName: must not be blank"));
        }
        if (roles == null || roles.isEmpty()) {
            throw ApiException.badRequest("Invalid user", List.of("roles: must not be empty"));
        }
        // The limits NewUser's annotations check on creation; the Admin view's edit dialog comes here directly.
        List<String> problems = new ArrayList<>();
        if (displayName.strip().length() > NewUser.MAX_DISPLAY_NAME) {
            problems.add("displayName: at most " + NewUser.MAX_DISPLAY_NAME + " characters");
        }
        if (team != null && team.strip().length() > NewUser.MAX_TEAM) {
            problems.add("team: at most " + NewUser.MAX_TEAM + " characters");
        }
        StoredText.check("displayName", displayName, problems);
        StoredText.check("team", team, problems);
        if (!problems.isEmpty()) {
            throw ApiException.badRequest("Invalid user", problems);
        }
        UserAccount account = account(id);
        Person before = account.toPerson();
        boolean wasEnabled = account.isEnabled();
        account.update(displayName.strip(), teamNamed(team), roles(roles), enabled);
        Person updated = account.toPerson();
        signInsReadAgain(updated.username());
        // What changed, from what: "team=Platform→Research" tells an admin more than the new team alone.
        audit.record("user.updated", updated.username() + " roles=" + changed(new TreeSet<>(before.roles()),
                new TreeSet<>(updated.roles())) + " team=" + changed(before.team(), updated.team()) + " enabled="
                + changed(wasEnabled, enabled));
        if (!Objects.equals(before.team(), updated.team())) {
            // In this transaction: the boards move the user's points along with them, or neither happens.
            events.publishEvent(new TeamChanged(id, before.team(), updated.team()));
        }
        return updated;
    }

    private static String changed(Object before, Object after) {
        return Objects.equals(before, after) ? String.valueOf(after) : before + "→" + after;
    }

    @Transactional
    public void changePassword(long id, String password) {
        if (!FitsBcrypt.Check.fits(password)) {
            throw ApiException.badRequest("Invalid password", List.of("password: " + FitsBcrypt.RULE));
        }
        UserAccount account = account(id);
        account.changePasswordHash(passwordEncoder.encode(password));
        signInsReadAgain(account.getUsername());
        audit.record("user.password-changed", account.getUsername());
    }

    @Transactional
    public String createTeam(String name) {
        String created = validTeamName(name);
        if (!teams.findByNameIgnoreCaseOrderById(created).isEmpty()) {
            throw new ApiException(HttpStatus.CONFLICT, "Team already exists: " + created);
        }
        audit.record("team.created", created);
        return teams.save(new Team(created)).getName();
    }

    /**
     * Renames a team: its members, and its rows on every board (past seasons' too), carry the new name. Another team's
     * name, in any case, is a 409; a change of case alone is a rename.
     */
    @Transactional
    public String renameTeam(String name, String newName) {
        Team team = existingTeam(name);
        String renamed = validTeamName(newName);
        if (teams.findByNameIgnoreCaseOrderById(renamed).stream()
                .anyMatch(other -> !other.getId().equals(team.getId()))) {
            throw new ApiException(HttpStatus.CONFLICT, "Team already exists: " + renamed);
        }
        String before = team.getName();
        if (!renamed.equals(before)) {
            team.rename(renamed);
            audit.record("team.renamed", before + "→" + renamed);
            // In this transaction: the boards take the new name with it, or neither happens.
            events.publishEvent(new TeamRenamed(before, renamed));
        }
        return renamed;
    }

    /**
     * Deletes a team that has no members (a 409 names how many it has) and is on no board: a team that played in a
     * season that has ended keeps its name there, and the boards refuse (a 409).
     */
    @Transactional
    public void deleteTeam(String name) {
        Team team = existingTeam(name);
        long members = users.countByTeam(team);
        if (members > 0) {
            throw new ApiException(HttpStatus.CONFLICT, "Team " + team.getName() + " has " + members
                    + (members == 1 ? " member" : " members") + ": move them to another team first");
        }
        teams.delete(team);
        events.publishEvent(new TeamDeleted(team.getName()));
        audit.record("team.deleted", team.getName());
    }

    private Team existingTeam(String name) {
        String stripped = name == null ? "" : name.strip();
        return teams.findByNameIgnoreCaseOrderById(stripped).stream()
                .filter(team -> team.getName().equals(stripped)).findFirst()
                .orElseThrow(() -> ApiException.notFound("No team named " + stripped));
    }

    private static String validTeamName(String name) {
        List<String> problems = new ArrayList<>();
        if (name == null || name.isBlank() || name.strip().length() > NewUser.MAX_TEAM) {
            problems.add("name: must be 1 to " + NewUser.MAX_TEAM + " characters");
        }
        StoredText.check("name", name, problems);
        if (!problems.isEmpty()) {
            throw ApiException.badRequest("Invalid team", problems);
        }
        return name.strip();
    }

    @Transactional(propagation = Propagation.SUPPORTS)
    public List<Person> all() {
        return persons("order by u.username", Map.of());
    }

    @Transactional(propagation = Propagation.SUPPORTS)
    public Optional<Person> find(long id) {
        return persons("where u.id = :id", Map.of("id", id)).stream().findFirst();
    }

    @Transactional(propagation = Propagation.SUPPORTS)
    public Optional<Person> findByUsername(String username) {
        return persons("where u.username = :username", Map.of("username", username)).stream().findFirst();
    }

    @Transactional(propagation = Propagation.SUPPORTS)
    public Map<Long, Person> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return persons("where u.id in (:ids)", Map.of("ids", ids)).stream()
                .collect(Collectors.toMap(Person::id, Function.identity()));
    }

    /**
     * The users a condition picks, with team and roles, in one plain query and no transaction. Boards and every
     * signed-in page look people up on each read: loaded as entities in a transaction of their own, they were in 14% of
     * the API threads' profile samples under load.
     */
    private List<Person> persons(String condition, Map<String, ?> parameters) {
        Map<Long, Person> found = new LinkedHashMap<>();
        Map<Long, Set<Role>> roles = new HashMap<>();
        jdbc.query("""
                select u.id, u.username, u.display_name, t.name, r.role
                from app_user u left join team t on t.id = u.team_id left join user_role r on r.user_id = u.id
                """ + condition, parameters, (ResultSet rs) -> {
                    long id = rs.getLong(1);
                    found.putIfAbsent(id, new Person(id, rs.getString(2), rs.getString(3), rs.getString(4), Set.of()));
                    String role = rs.getString(5);
                    if (role != null) {
                        roles.computeIfAbsent(id, key -> EnumSet.noneOf(Role.class)).add(Role.valueOf(role));
                    }
                });
        return found.values().stream().map(p -> new Person(p.id(), p.username(), p.displayName(), p.team(),
                roles.getOrDefault(p.id(), Set.of()))).toList();
    }

    /**
     * The team name of each of these users that has a team, in one query: what the boards need for every
     * judgment, without loading whole accounts.
     */
    public Map<Long, String> teamsOf(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, String> teamOf = new HashMap<>();
        jdbc.query("select u.id, t.name from app_user u join team t on t.id = u.team_id where u.id in (:ids)",
                Map.of("ids", ids), (ResultSet rs) -> {
                    teamOf.put(rs.getLong(1), rs.getString(2));
                });
        return teamOf;
    }

    /** Team names with their member counts, by name. */
    public List<TeamSummary> teams() {
        return teams.findAllByOrderByName().stream()
                .map(t -> new TeamSummary(t.getName(), users.countByTeam(t)))
                .toList();
    }

    public record TeamSummary(String name, long members) {
    }

    /** Once the change commits, the account's next sign-in reads it again (AccountDetailsService keeps accounts). */
    private void signInsReadAgain(String username) {
        AfterCommit.run(() -> accounts.forget(username));
    }

    private UserAccount account(long id) {
        return users.findById(id).orElseThrow(() -> ApiException.notFound("No user with id " + id));
    }

    private Team teamNamed(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        // "research" is the team Research: a case typo must not split a team's board in two.
        String trimmed = name.strip();
        List<Team> named = teams.findByNameIgnoreCaseOrderById(trimmed);
        // Twins from before this rule: the one of exactly this name, else the oldest.
        return named.stream().filter(team -> team.getName().equals(trimmed)).findFirst()
                .or(() -> named.stream().findFirst())
                .orElseGet(() -> {
                    audit.record("team.created", trimmed);
                    return teams.save(new Team(trimmed));
                });
    }

    private static Set<Role> roles(Set<Role> roles) {
        // Every employee judges, whatever else they do.
        EnumSet<Role> all = EnumSet.of(Role.JUDGE);
        all.addAll(roles);
        return all;
    }
}
