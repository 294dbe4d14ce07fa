//! `dossier completions SHELL` and `dossier man`: a shell's completion script
//! and the manual page, both generated from the clap definitions, so they
//! never drift from the commands.

use anyhow::Result;
use clap::CommandFactory;
use clap_complete::Shell;

use crate::args::Cli;
use crate::exit::Status;
use crate::output::Out;

pub(crate) fn completions(shell: Shell, out: &mut Out) -> Status {
    let mut cmd = Cli::command();
    clap_complete::generate(shell, &mut cmd, "dossier", out);
    Status::Success
}

pub(crate) fn man(out: &mut Out) -> Result<Status> {
    clap_mangen::Man::new(Cli::command()).render(out)?;
    Ok(Status::Success)
}
