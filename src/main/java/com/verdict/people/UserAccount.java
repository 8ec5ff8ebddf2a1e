package com.verdict.people;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

@Entity
@Table(name = "app_user")
class UserAccount {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "app_user_seq")
    @SequenceGenerator(name = "app_user_seq", sequenceName = "app_user_seq", allocationSize = 50)
    private Long id;

    private String username;

    private String displayName;

    @ManyToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "team_id")
    private Team team;

    private String passwordHash;

    private boolean enabled = true;

    private Instant createdAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "user_role", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "role")
    @Enumerated(EnumType.STRING)
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    protected UserAccount() {
    }

    UserAccount(String username, String displayName, Team team, Set<Role> roles, String passwordHash) {
        this.username = username;
        this.displayName = displayName;
        this.team = team;
        this.roles = EnumSet.copyOf(roles);
        this.passwordHash = passwordHash;
        this.createdAt = Instant.now();
    }

    Person toPerson() {
        return new Person(id, username, displayName, team == null ? null : team.getName(), roles);
    }

    void update(String displayName, Team team, Set<Role> roles, boolean enabled) {
        this.displayName = displayName;
        this.team = team;
        this.roles.clear();
        this.roles.addAll(roles);
        this.enabled = enabled;
    }

    void changePasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    Long getId() {
        return id;
    }

    String getUsername() {
        return username;
    }

    String getPasswordHash() {
        return passwordHash;
    }

    boolean isEnabled() {
        return enabled;
    }

    Set<Role> getRoles() {
        return roles;
    }
}
