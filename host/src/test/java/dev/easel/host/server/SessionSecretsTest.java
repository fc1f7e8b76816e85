package dev.easel.host.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.easel.host.session.Role;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Each role's invite secret: long, random, replaced on revoking, and matched only exactly. */
class SessionSecretsTest {
    @Test
    void eachRoleHasItsOwnSecretOfAtLeast128RandomBits() {
        SessionSecrets one = new SessionSecrets();
        SessionSecrets two = new SessionSecrets();
        for (Role r : Role.values()) {
            assertTrue(Base64.getUrlDecoder().decode(one.secret(r)).length >= 16, one.secret(r));
            assertNotEquals(one.secret(r), two.secret(r), "two sessions share no secret");
            assertEquals(r, one.roleFor(one.secret(r)));
        }
        assertNotEquals(one.secret(Role.EDITOR), one.secret(Role.VIEWER));
    }

    @Test
    void revokingGivesANewSecretAndTheOldOneOnlyReadmits() {
        SessionSecrets s = new SessionSecrets();
        String old = s.secret(Role.EDITOR);
        String fresh = s.revoke(Role.EDITOR);
        assertNotEquals(old, fresh);
        assertEquals(fresh, s.secret(Role.EDITOR));
        assertEquals(Role.EDITOR, s.roleFor(fresh));
        assertNull(s.roleFor(old));
        assertEquals(Role.EDITOR, s.replacedRoleFor(old));
        assertNull(s.replacedRoleFor(fresh));
    }

    @Test
    void onlyTheExactSecretIsAccepted() {
        SessionSecrets s = new SessionSecrets();
        String editor = s.secret(Role.EDITOR);
        char last = editor.charAt(editor.length() - 1);
        String sameLength = editor.substring(0, editor.length() - 1) + (last == 'A' ? 'B' : 'A');
        for (String wrong : new String[] {sameLength, editor.substring(0, editor.length() - 1), editor + "A",
                editor.toLowerCase(), "", null}) {
            assertNull(s.roleFor(wrong), wrong);
            assertNull(s.replacedRoleFor(wrong), wrong);
        }
    }
}
