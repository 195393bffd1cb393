package io.cdc4j.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class CdcExceptionTest {
    @Test
    void rendersLikeTiCDCWithTheCauseAppended() {
        CdcException error = new CdcException(ErrorCode.API_INVALID_PARAM, "bad thing", new IOException("EOF"));
        assertThat(error.getMessage()).isEqualTo("[CDC:ErrAPIInvalidParam]bad thing: EOF");
        assertThat(error.errorCode()).isEqualTo(ErrorCode.API_INVALID_PARAM);
    }

    @Test
    void codeLessErrorsHaveNoPrefixAndDefaultMessagesFillIn() {
        assertThat(CdcException.of(ErrorCode.NO_OWNER).getMessage()).isEqualTo("election: no leader");
        assertThat(CdcException.of(ErrorCode.CHANGEFEED_NOT_EXISTS).getMessage())
                .isEqualTo("[CDC:ErrChangeFeedNotExists]changefeed not exists");
    }
}
